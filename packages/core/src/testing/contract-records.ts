// Store contract: the health log (newest first, paging, purge) and dead letters (oldest first, paging, remove).
import { describe, expect, it } from 'vitest';
import type { NewDeadLetter, NewHealthRecord } from '../store.js';
import type { ContractContext } from './contract-helpers.js';

export const healthRecords = (streamId: string, tenant = 'acme'): NewHealthRecord[] => [
  { streamId, tenant, at: 100, kind: 'delivery_failed', errorKind: 'server', status: 503, message: 'Service unavailable.', attempts: 3, count: 500 },
  { streamId, tenant, at: 200, kind: 'events_lost', message: '12 events expired.', count: 12 },
  { streamId, tenant, at: 300, kind: 'dead_lettered', errorKind: 'invalid', status: 400, message: 'Bad request.', count: 1 },
  { streamId, tenant, at: 400, kind: 'suspended', message: 'Failing for 7 days.' },
  { streamId, tenant, at: 500, kind: 'recovered', message: 'Delivering again.' },
];

export const deadLetters = (streamId: string, tenant = 'acme'): NewDeadLetter[] =>
  [1, 2, 3].map((n) => ({
    streamId,
    tenant,
    seq: n * 10,
    logId: `log-${streamId}-${n}`,
    type: n === 2 ? 'fp' : 's',
    raw: JSON.stringify({ log_id: `log-${streamId}-${n}`, data: { type: 's', user_name: `ユーザー${n}`, n } }),
    at: 1000 + n,
    errorKind: 'invalid',
    message: `Rejected ${n}.`,
    ...(n === 1 ? { status: 422 } : {}),
  }));

export function describeRecords(ctx: ContractContext): void {
  describe('health log', () => {
    it("lists a stream's records newest first, with every field kept", async () => {
      for (const r of healthRecords('s1')) await ctx.store.health.append(r);
      await ctx.store.health.append({ streamId: 's2', tenant: 'globex', at: 250, kind: 'cursor_moved', message: 'Replay.' });
      const list = await ctx.store.health.list('s1');
      expect(list.map(({ id: _id, ...rest }) => rest)).toEqual(healthRecords('s1').reverse());
      const ids = list.map((r) => r.id);
      expect(new Set(ids).size).toBe(5);
      expect([...ids].sort((a, b) => b - a)).toEqual(ids);
      expect(await ctx.store.health.list('s2')).toEqual([
        { id: expect.any(Number), streamId: 's2', tenant: 'globex', at: 250, kind: 'cursor_moved', message: 'Replay.' },
      ]);
      expect(await ctx.store.health.list('none')).toEqual([]);
    });

    it('pages backwards with limit and beforeId, and filters by since', async () => {
      for (const r of healthRecords('s1')) await ctx.store.health.append(r);
      const all = await ctx.store.health.list('s1');
      const page1 = await ctx.store.health.list('s1', { limit: 2 });
      expect(page1).toEqual(all.slice(0, 2));
      const page2 = await ctx.store.health.list('s1', { limit: 2, beforeId: page1[1]?.id });
      expect(page2).toEqual(all.slice(2, 4));
      const page3 = await ctx.store.health.list('s1', { limit: 2, beforeId: page2[1]?.id });
      expect(page3).toEqual(all.slice(4));
      expect((await ctx.store.health.list('s1', { since: 300 })).map((r) => r.at)).toEqual([500, 400, 300]);
      expect((await ctx.store.health.list('s1', { since: 300, limit: 1 })).map((r) => r.at)).toEqual([500]);
    });

    it('purges records older than the time, across streams', async () => {
      for (const r of healthRecords('s1')) await ctx.store.health.append(r);
      await ctx.store.health.append({ streamId: 's2', tenant: 'acme', at: 50, kind: 'recovered', message: 'Ok.' });
      expect(await ctx.store.health.purge(300)).toBe(3);
      expect((await ctx.store.health.list('s1')).map((r) => r.at)).toEqual([500, 400, 300]);
      expect(await ctx.store.health.list('s2')).toEqual([]);
      expect(await ctx.store.health.purge(300)).toBe(0);
      await ctx.store.health.append({ streamId: 's1', tenant: 'acme', at: 600, kind: 'recovered', message: 'Ok.' });
      const [newest] = await ctx.store.health.list('s1', { limit: 1 });
      expect(newest?.at).toBe(600);
    });
  });

  describe('dead letters', () => {
    it("lists a stream's letters oldest first with every field kept, and counts them", async () => {
      await ctx.store.deadLetters.add(deadLetters('s1').slice(0, 2));
      await ctx.store.deadLetters.add(deadLetters('s2'));
      await ctx.store.deadLetters.add(deadLetters('s1').slice(2));
      const list = await ctx.store.deadLetters.list('s1');
      expect(list.map(({ id: _id, ...rest }) => rest)).toEqual(deadLetters('s1'));
      expect(list.map((l) => l.id)).toEqual([...list.map((l) => l.id)].sort((a, b) => a - b));
      expect(await ctx.store.deadLetters.count('s1')).toBe(3);
      expect(await ctx.store.deadLetters.count('s2')).toBe(3);
      expect(await ctx.store.deadLetters.count('none')).toBe(0);
      await ctx.store.deadLetters.add([]);
      expect(await ctx.store.deadLetters.count('s1')).toBe(3);
    });

    it('pages forwards with limit and afterId', async () => {
      await ctx.store.deadLetters.add(deadLetters('s1'));
      const all = await ctx.store.deadLetters.list('s1');
      const page1 = await ctx.store.deadLetters.list('s1', { limit: 2 });
      expect(page1).toEqual(all.slice(0, 2));
      expect(await ctx.store.deadLetters.list('s1', { limit: 2, afterId: page1[1]?.id })).toEqual(all.slice(2));
      expect(await ctx.store.deadLetters.list('s1', { afterId: all[2]?.id })).toEqual([]);
    });

    it('removes letters by id', async () => {
      await ctx.store.deadLetters.add([...deadLetters('s1'), ...deadLetters('s2')]);
      const s1 = await ctx.store.deadLetters.list('s1');
      const s2 = await ctx.store.deadLetters.list('s2');
      await ctx.store.deadLetters.remove([s1[0]?.id ?? -1, s2[1]?.id ?? -1]);
      expect(await ctx.store.deadLetters.list('s1')).toEqual(s1.slice(1));
      expect(await ctx.store.deadLetters.list('s2')).toEqual([s2[0], s2[2]]);
      await ctx.store.deadLetters.remove([]);
      expect(await ctx.store.deadLetters.count('s1')).toBe(2);
    });
  });
}
