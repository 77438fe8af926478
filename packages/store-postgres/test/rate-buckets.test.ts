// Shared rate buckets on one schema from three store instances: atomic takes under concurrency, refill, budget changes, sweep, cost per take.
import type { SharedRateBuckets, Store } from '@outflow/core';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../src/index.js';
import { PG_URL, dropSchemas, freshSchema, query, requirePostgres } from '../src/testing.js';

beforeAll(requirePostgres);
afterAll(dropSchemas);

let open: Store[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

async function shared(n: number): Promise<{ buckets: SharedRateBuckets[]; schema: string }> {
  const schema = freshSchema();
  for (let i = 0; i < n; i++) open.push(await openPostgresStore({ url: PG_URL, schema, poolSize: 4 }));
  return { buckets: open.map((s) => s.rateBuckets as SharedRateBuckets), schema };
}

describe('shared rate buckets', () => {
  it('allow exactly the burst to concurrent takes from three stores, and spend nothing on a denial', async () => {
    const { buckets } = await shared(3);
    // One token a minute: no refill worth a token during the test.
    const takes = await Promise.all(Array.from({ length: 90 }, (_, i) => (buckets[i % 3] as SharedRateBuckets).take('tok_a:ingest', 30, 1)));
    expect(takes.filter((t) => t.allowed)).toHaveLength(30);
    const last = await (buckets[0] as SharedRateBuckets).take('tok_a:ingest', 30, 1);
    expect(last.allowed).toBe(false);
    expect(last.tokens).toBeGreaterThanOrEqual(0);
    expect(last.tokens).toBeLessThan(1);
    expect(Math.abs(last.at - Date.now())).toBeLessThan(5_000);
    // Other keys have their own buckets.
    expect((await (buckets[1] as SharedRateBuckets).take('tok_b:ingest', 30, 1)).tokens).toBe(29);
  });

  it('refill on the database clock, and start full when the budget changes', async () => {
    const { buckets } = await shared(1);
    const b = buckets[0] as SharedRateBuckets;
    // 6000 a minute: one token every 10 ms.
    for (let i = 0; i < 3; i++) expect((await b.take('k', 3, 6000)).allowed).toBe(true);
    const deadline = Date.now() + 5_000;
    let again = await b.take('k', 3, 6000);
    while (!again.allowed && Date.now() < deadline) again = await b.take('k', 3, 6000);
    expect(again.allowed).toBe(true);
    expect((await b.take('k', 10, 60)).tokens).toBe(9);
  });

  it('sweep deletes buckets that are full again and keeps spent ones', async () => {
    const { buckets, schema } = await shared(1);
    const b = buckets[0] as SharedRateBuckets;
    await b.take('spent', 5, 1);
    await b.take('full-soon', 1, 600_000);
    await query(`UPDATE ${schema}.rate_buckets SET at = at - interval '1 second' WHERE key = 'full-soon'`);
    expect(await b.sweep()).toBe(1);
    const rows = await query<{ key: string }>(`SELECT key FROM ${schema}.rate_buckets`);
    expect(rows.map((r) => r.key)).toEqual(['spent']);
  });

  it('cost per take: against a bare round trip, and 16 in flight on one hot key', async () => {
    const { buckets } = await shared(1);
    const b = buckets[0] as SharedRateBuckets;
    const bare = new pg.Pool({ connectionString: PG_URL, max: 1 });
    const n = 300;
    const timed = async (fn: () => Promise<unknown>) => {
      const t0 = performance.now();
      for (let i = 0; i < n; i++) await fn();
      return (performance.now() - t0) / n;
    };
    try {
      await timed(() => b.take('warm', 1000, 60_000_000));
      await timed(() => bare.query('SELECT 1'));
      const roundTripMs = await timed(() => bare.query('SELECT 1'));
      const takeMs = await timed(() => b.take('seq', 1000, 60_000_000));
      let next = 0;
      const t0 = performance.now();
      const worker = async () => {
        while (next++ < n) await b.take('hot', 1000, 60_000_000);
      };
      await Promise.all(Array.from({ length: 16 }, worker));
      const perSecond = n / ((performance.now() - t0) / 1000);
      console.log(
        `rate bucket take: ${takeMs.toFixed(3)} ms sequential (SELECT 1: ${roundTripMs.toFixed(3)} ms), ${Math.round(perSecond)} takes/s with 16 in flight on one key`,
      );
      // One statement: close to a bare round trip, not a transaction's several.
      expect(takeMs).toBeLessThan(Math.max(5 * roundTripMs, roundTripMs + 5));
      expect(perSecond).toBeGreaterThan(50);
    } finally {
      await bare.end();
    }
  });
});
