// Store contract: API tokens (create, find by hash, list per tenant, revoke, last used, persistence).
import { describe, expect, it } from 'vitest';
import type { NewApiToken } from '../api-tokens.js';
import { type ContractContext, T0 } from './contract-helpers.js';

export const apiToken = (n: number, tenant = 'acme', more: Partial<NewApiToken> = {}): NewApiToken => ({
  id: `tok_${String(n).padStart(4, '0')}`,
  tenant,
  name: n % 2 ? `CI deploy ${n}` : null,
  scopes: n % 2 ? ['read:log_streams', 'ingest:logs'] : ['ingest:logs'],
  hash: `${n}`.padStart(64, 'a'),
  createdAt: T0 + n * 1000,
  expiresAt: n % 3 === 0 ? T0 + 90 * 86_400_000 : null,
  ...more,
});

const withoutHash = ({ hash: _hash, ...rest }: NewApiToken) => ({ ...rest, lastUsedAt: null, revokedAt: null });

export function describeTokens(ctx: ContractContext, persistent: boolean): void {
  describe('api tokens', () => {
    it('creates tokens and finds them by hash, with every field kept and never the hash', async () => {
      const created = await ctx.store.tokens.create(apiToken(1));
      expect(created).toEqual(withoutHash(apiToken(1)));
      expect(created).not.toHaveProperty('hash');
      await ctx.store.tokens.create(apiToken(3, 'globex'));
      expect(await ctx.store.tokens.findByHash(apiToken(1).hash)).toEqual(withoutHash(apiToken(1)));
      expect(await ctx.store.tokens.findByHash(apiToken(3).hash)).toEqual(withoutHash(apiToken(3, 'globex')));
      expect(await ctx.store.tokens.findByHash('f'.repeat(64))).toBeNull();
    });

    it('rejects a duplicate id or hash', async () => {
      await ctx.store.tokens.create(apiToken(1));
      await expect(ctx.store.tokens.create(apiToken(1, 'acme', { hash: 'b'.repeat(64) }))).rejects.toThrow();
      await expect(ctx.store.tokens.create(apiToken(2, 'acme', { hash: apiToken(1).hash }))).rejects.toThrow();
      expect(await ctx.store.tokens.list()).toHaveLength(1);
    });

    it("lists all tokens or one tenant's, oldest first", async () => {
      for (const n of [4, 1, 3, 2]) await ctx.store.tokens.create(apiToken(n, n % 2 ? 'acme' : 'globex'));
      expect((await ctx.store.tokens.list()).map((t) => t.id)).toEqual(['tok_0001', 'tok_0002', 'tok_0003', 'tok_0004']);
      expect((await ctx.store.tokens.list('acme')).map((t) => t.id)).toEqual(['tok_0001', 'tok_0003']);
      expect((await ctx.store.tokens.list('globex')).map((t) => t.id)).toEqual(['tok_0002', 'tok_0004']);
      expect(await ctx.store.tokens.list('initech')).toEqual([]);
      for (const t of await ctx.store.tokens.list()) expect(t).not.toHaveProperty('hash');
    });

    it('revokes a token once and keeps it listed as revoked', async () => {
      await ctx.store.tokens.create(apiToken(1));
      await ctx.store.tokens.create(apiToken(2));
      expect(await ctx.store.tokens.revoke('tok_0001', T0 + 50_000)).toBe(true);
      expect(await ctx.store.tokens.revoke('tok_0001', T0 + 60_000)).toBe(false);
      expect(await ctx.store.tokens.revoke('tok_9999', T0 + 60_000)).toBe(false);
      expect((await ctx.store.tokens.findByHash(apiToken(1).hash))?.revokedAt).toBe(T0 + 50_000);
      expect((await ctx.store.tokens.findByHash(apiToken(2).hash))?.revokedAt).toBeNull();
      expect((await ctx.store.tokens.list()).map((t) => t.revokedAt)).toEqual([T0 + 50_000, null]);
    });

    it('records the last use and never moves it backwards', async () => {
      await ctx.store.tokens.create(apiToken(1));
      await ctx.store.tokens.touch('tok_0001', T0 + 5000);
      expect((await ctx.store.tokens.findByHash(apiToken(1).hash))?.lastUsedAt).toBe(T0 + 5000);
      await ctx.store.tokens.touch('tok_0001', T0 + 4000);
      expect((await ctx.store.tokens.list())[0]?.lastUsedAt).toBe(T0 + 5000);
      await ctx.store.tokens.touch('tok_0001', T0 + 7000);
      expect((await ctx.store.tokens.list())[0]?.lastUsedAt).toBe(T0 + 7000);
      await ctx.store.tokens.touch('tok_9999', T0 + 7000);
      expect(await ctx.store.tokens.list()).toHaveLength(1);
    });

    if (!persistent) return;
    it('keeps tokens, revocations and last use across close and reopen', async () => {
      await ctx.store.tokens.create(apiToken(1));
      await ctx.store.tokens.create(apiToken(2, 'globex'));
      await ctx.store.tokens.revoke('tok_0002', T0 + 9000);
      await ctx.store.tokens.touch('tok_0001', T0 + 8000);
      const before = await ctx.store.tokens.list();
      const store = await ctx.reopen();
      expect(await store.tokens.list()).toEqual(before);
      expect((await store.tokens.findByHash(apiToken(1).hash))?.lastUsedAt).toBe(T0 + 8000);
    });
  });
}
