// The token-only opener: `outflow tokens` writes tokens that a store already open in another connection sees at once.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore, openSqliteTokenStore } from '../src/index.js';
import { removeTempDirs, tempDir } from './helpers.js';

afterAll(removeTempDirs);

const token = (id: string, hash: string) => ({ id, tenant: 'acme', name: 'ci', scopes: ['ingest:logs'], hash, createdAt: 1000, expiresAt: null });

describe('openSqliteTokenStore', () => {
  it('shares tokens both ways with an open store, without touching its event log', async () => {
    const file = path.join(tempDir(), 'data', 'outflow.db');
    const store = openSqliteStore({ path: file });
    const cli = openSqliteTokenStore({ path: file });
    try {
      await cli.tokens.create(token('tok_a', 'a'.repeat(64)));
      expect((await store.tokens.findByHash('a'.repeat(64)))?.id).toBe('tok_a');
      await store.tokens.touch('tok_a', 5000);
      expect((await cli.tokens.list())[0]?.lastUsedAt).toBe(5000);
      expect(await cli.tokens.revoke('tok_a', 6000)).toBe(true);
      expect((await store.tokens.findByHash('a'.repeat(64)))?.revokedAt).toBe(6000);
      expect(await store.events.bounds('acme')).toEqual({ firstSeq: 0, lastSeq: 0, lastRecordedAt: null });
    } finally {
      cli.close();
      await store.close();
    }
  });

  it('creates the file and table when no runner has opened the store yet, and a runner opens it later', async () => {
    const file = path.join(tempDir(), 'fresh', 'outflow.db');
    const cli = openSqliteTokenStore({ path: file });
    await cli.tokens.create(token('tok_b', 'b'.repeat(64)));
    cli.close();
    const store = openSqliteStore({ path: file });
    try {
      expect((await store.tokens.list()).map((t) => t.id)).toEqual(['tok_b']);
      expect(await store.streams.list()).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
