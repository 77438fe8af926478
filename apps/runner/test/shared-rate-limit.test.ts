// The shared limiter on real PostgreSQL: decisions from the database, and per-runner decisions with one warning when it fails or stalls.
import type { Logger, SharedRateBuckets, Store } from '@outflow/core';
import { openPostgresStore } from '@outflow/store-postgres';
import { PG_URL, dropSchemas, freshSchema, requirePostgres } from '@outflow/store-postgres/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../src/server/rate-limit.js';
import { createSharedRateLimiter } from '../src/server/shared-rate-limit.js';

const warnings: Array<{ fields: unknown; msg: string }> = [];
const logger: Logger = {
  debug() {},
  info() {},
  warn: (fields: unknown, msg?: string) => void warnings.push({ fields, msg: msg ?? '' }),
  error() {},
  child: () => logger,
};

const schema = freshSchema();
let store: Store;
beforeAll(async () => {
  await requirePostgres();
  store = await openPostgresStore({ url: PG_URL, schema, poolSize: 2 });
});
afterAll(async () => {
  await store?.close();
  await dropSchemas();
});

const bucket = { burst: 2, requestsPerMinute: 1 };

describe('shared rate limiter', () => {
  it('decides in the database, and on this runner alone (with one warning) while the database stalls', async () => {
    const limiter = createSharedRateLimiter({
      buckets: store.rateBuckets as SharedRateBuckets,
      local: createRateLimiter({ now: Date.now }),
      logger,
      now: Date.now,
      timeoutMs: 300,
    });
    expect((await limiter.take('k', bucket)).remaining).toBe(1);
    // Another session holds the bucket's row: takes wait for it, so the limiter gives up after 300 ms.
    const blocker = new pg.Client({ connectionString: PG_URL });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query(`SELECT * FROM ${schema}.rate_buckets WHERE key = 'k' FOR UPDATE`);
      const t0 = Date.now();
      const local = [await limiter.take('k', bucket), await limiter.take('k', bucket), await limiter.take('k', bucket)];
      expect(Date.now() - t0).toBeLessThan(3_000);
      // The local bucket knows nothing of the database's take: it starts full.
      expect(local.map((d) => d.allowed)).toEqual([true, true, false]);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.msg).toMatch(/counted by this runner alone/);
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
    limiter.close();
  });

  it('fails open to the local budget when the database is gone', async () => {
    const other = await openPostgresStore({ url: PG_URL, schema, poolSize: 1 });
    const limiter = createSharedRateLimiter({
      buckets: other.rateBuckets as SharedRateBuckets,
      local: createRateLimiter({ now: Date.now }),
      logger,
      now: Date.now,
    });
    await other.close();
    warnings.length = 0;
    const d = await limiter.take('gone', bucket);
    expect(d).toMatchObject({ allowed: true, limit: 2, remaining: 1 });
    expect(warnings).toHaveLength(1);
    limiter.close();
  });
});
