// Day partitions of batches: purge across days drops whole partitions and deletes the boundary's prefix; an old unpartitioned table migrates on open.
import type { Store } from '@outflow/core';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../src/index.js';
import { DAY_MS, partitionName } from '../src/partitions.js';
import { batchOf } from './batches.js';
import { PG_URL, dropSchemas, freshSchema, query, requirePostgres } from '../src/testing.js';

beforeAll(requirePostgres);
afterAll(dropSchemas);

const D0 = Date.UTC(2026, 2, 1);
const day = (n: number) => D0 + n * DAY_MS;
const read = (store: Store, afterSeq = 0) => store.events.read({ tenant: 'acme', afterSeq, filter: null, maxEvents: 10_000, maxBytes: 1 << 26 });

let open: Store[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

async function storeOn(schema: string): Promise<Store> {
  const store = await openPostgresStore({ url: PG_URL, schema, poolSize: 4, now: () => day(10) });
  open.push(store);
  return store;
}

const partitionsOf = async (schema: string) =>
  (
    await query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = '${schema}.batches'::regclass ORDER BY 1`,
    )
  ).map((r) => r.name);

/** Three batches of 4 events on each of days 0..4, at 01:00, 12:00 and 23:00. */
async function fiveDays(store: Store) {
  const appended: { seq: number; at: number }[] = [];
  for (let d = 0; d < 5; d++) {
    for (const hour of [1, 12, 23]) {
      const at = day(d) + hour * 3_600_000;
      const r = await store.events.append(batchOf('acme', 4), at);
      for (let s = r.firstSeq; s <= r.lastSeq; s++) appended.push({ seq: s, at });
    }
  }
  return appended;
}

describe('day partitions of batches', () => {
  it('a purge across several days drops the whole days, deletes the boundary day prefix and keeps exactly the rest', async () => {
    const schema = freshSchema();
    const store = await storeOn(schema);
    await store.streams.create(
      {
        id: 's1',
        tenant: 'acme',
        name: 'S',
        type: 'http',
        status: 'active',
        sink: { httpEndpoint: 'http://127.0.0.1:9/h' },
        filters: [],
        isPriority: false,
        managedBy: 'api',
      },
      0,
      D0,
    );
    const appended = await fiveDays(store);
    const before = await partitionsOf(schema);
    for (let d = 0; d < 5; d++) expect(before).toContain(partitionName(day(d)));

    const cutoff = day(3) + 12 * 3_600_000; // day 3 at noon: days 0-2 go whole, day 3's 01:00 batch is deleted
    const gone = appended.filter((e) => e.at < cutoff);
    const result = await store.events.purge(cutoff);
    expect(result).toEqual({ events: gone.length, streams: [{ streamId: 's1', lost: gone.length }] });

    const after = await partitionsOf(schema);
    for (let d = 0; d < 3; d++) expect(after).not.toContain(partitionName(day(d)));
    expect(after).toContain(partitionName(day(3)));
    expect(after).toContain(partitionName(day(4)));
    const kept = appended.filter((e) => e.at >= cutoff).map((e) => e.seq);
    expect((await read(store)).batch.seqs).toEqual(kept);
    expect(await query(`SELECT count(*)::int AS n FROM ${schema}.${partitionName(day(3))}`)).toEqual([{ n: 2 }]);

    const stream = await store.streams.get('s1');
    expect(stream?.state.cursor).toBe(gone.at(-1)?.seq);
    const health = await store.health.list('s1', { limit: 10 });
    expect(health.map((h) => [h.kind, h.count])).toEqual([['events_lost', gone.length]]);

    // Seqs stay unique: the next append continues after the last one, in a day dropped or not.
    const next = await store.events.append(batchOf('acme', 1), day(4) + 1);
    expect(next.firstSeq).toBe((appended.at(-1)?.seq ?? 0) + 1);
    // A cutoff on a day boundary drops that day's partition too, with no DELETE left.
    expect((await store.events.purge(day(4))).events).toBe(2 * 4);
    expect(await partitionsOf(schema)).not.toContain(partitionName(day(3)));
  });

  it('an append into a day another runner purged away recreates its partition', async () => {
    const schema = freshSchema();
    const a = await storeOn(schema);
    const b = await storeOn(schema);
    await a.events.append(batchOf('acme', 2), day(1));
    expect((await b.events.purge(day(2))).events).toBe(2);
    expect(await partitionsOf(schema)).not.toContain(partitionName(day(1)));
    const r = await a.events.append(batchOf('acme', 3), day(1) + 5);
    expect(r).toEqual({ firstSeq: 3, lastSeq: 5, recordedAt: day(1) + 5 });
    expect((await read(b)).batch.seqs).toEqual([3, 4, 5]);
  });

  it('reads by seq and the purge prefix use each partition index (checked with sequential and bitmap scans priced out, as on a tiny table the planner prefers them)', async () => {
    const schema = freshSchema();
    const store = await storeOn(schema);
    await fiveDays(store);
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    try {
      await client.query(`SET search_path = ${schema}; SET enable_seqscan = off; SET enable_bitmapscan = off`);
      const explain = async (sql: string) => (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`)).rows.map((r) => r['QUERY PLAN']).join('\n');
      const afterSeq = await explain("SELECT first_seq FROM batches WHERE tenant = 'acme' AND last_seq > 5 ORDER BY last_seq LIMIT 64");
      // Every partition (days 0-4, plus today and tomorrow made at open) through its (tenant, last_seq) index.
      expect(afterSeq).not.toMatch(/Seq Scan/);
      expect(afterSeq.match(/Index Scan using \w+_tenant_last_seq_idx/g)).toHaveLength(5 + 2);
      const containing = await explain('SELECT last_seq FROM batches WHERE first_seq <= 7 ORDER BY first_seq DESC LIMIT 1');
      expect(containing).not.toMatch(/Seq Scan/);
      expect(containing.match(/Index Scan Backward using \w+_pkey/g)).toHaveLength(5 + 2);
      const prefix = await explain(`SELECT last_seq FROM batches WHERE recorded_at < ${day(2)} ORDER BY recorded_at DESC, first_seq DESC LIMIT 1`);
      // Partition pruning: only days 0 and 1 are looked at.
      expect(prefix.match(/Index (Only )?Scan/g)).toHaveLength(2);
    } finally {
      await client.end();
    }
  });
});
