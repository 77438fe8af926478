// Opening a schema of the older layout (unpartitioned batches): the table becomes one partition, events and seqs are kept, retention later drops it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../src/index.js';
import { DAY_MS, partitionName } from '../src/partitions.js';
import { batchOf } from './batches.js';
import { PG_URL, dropSchemas, freshSchema, query, requirePostgres } from '../src/testing.js';

beforeAll(requirePostgres);
afterAll(dropSchemas);

const D0 = Date.UTC(2026, 4, 10);
const NOW = D0 + 5 * DAY_MS;

/** The batches table exactly as versions before day partitions created it. */
const OLD_BATCHES = `CREATE TABLE batches (
  first_seq BIGINT PRIMARY KEY, last_seq BIGINT NOT NULL, count INTEGER NOT NULL, tenant TEXT NOT NULL, recorded_at DOUBLE PRECISION NOT NULL,
  lines BYTEA NOT NULL, ends BYTEA NOT NULL, types TEXT NOT NULL, log_ids TEXT NOT NULL, dates BYTEA NOT NULL, encoding SMALLINT NOT NULL DEFAULT 0);
CREATE INDEX batches_tenant ON batches (tenant, last_seq);
CREATE INDEX batches_recorded ON batches (recorded_at, first_seq);`;

const partitions = async (schema: string) =>
  query<{ name: string; bound: string }>(
    `SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = '${schema}.batches'::regclass ORDER BY 1`,
  );

describe('an unpartitioned batches table of an older version', () => {
  it('is attached as one partition on open: same events and seqs, new appends go on, and a purge past it drops it', async () => {
    // Rows made by today's store, copied into a schema laid out as before.
    const source = freshSchema();
    const maker = await openPostgresStore({ url: PG_URL, schema: source, now: () => NOW });
    for (let d = 0; d < 3; d++) await maker.events.append(batchOf('acme', 3), D0 + d * DAY_MS + 1000);
    await maker.close();
    const schema = freshSchema();
    await query(`CREATE SCHEMA ${schema}; SET search_path = ${schema}; ${OLD_BATCHES}
      CREATE TABLE log_state (id SMALLINT PRIMARY KEY CHECK (id = 1), last_seq BIGINT NOT NULL, last_recorded_at DOUBLE PRECISION NOT NULL);
      INSERT INTO batches SELECT * FROM ${source}.batches; INSERT INTO log_state SELECT * FROM ${source}.log_state`);

    const store = await openPostgresStore({ url: PG_URL, schema, now: () => NOW });
    try {
      const kind = await query<{ relkind: string }>(`SELECT relkind FROM pg_class WHERE oid = '${schema}.batches'::regclass`);
      expect(kind).toEqual([{ relkind: 'p' }]);
      const parts = await partitions(schema);
      expect(parts.find((p) => p.name === 'batches_legacy')?.bound).toBe(`FOR VALUES FROM ('${D0}') TO ('${D0 + 3 * DAY_MS}')`);
      const all = await store.events.read({ tenant: 'acme', afterSeq: 0, filter: null, maxEvents: 100, maxBytes: 1 << 20 });
      expect(all.batch.seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(await store.events.append(batchOf('acme', 1), NOW)).toEqual({ firstSeq: 10, lastSeq: 10, recordedAt: NOW });

      // A cutoff inside the legacy range deletes its prefix; one past its end drops it.
      expect((await store.events.purge(D0 + DAY_MS + 2000)).events).toBe(6);
      expect((await partitions(schema)).map((p) => p.name)).toContain('batches_legacy');
      expect((await store.events.purge(D0 + 3 * DAY_MS)).events).toBe(3);
      const left = (await partitions(schema)).map((p) => p.name);
      expect(left).not.toContain('batches_legacy');
      expect(left).toContain(partitionName(NOW));
      expect((await store.events.read({ tenant: 'acme', afterSeq: 0, filter: null, maxEvents: 100, maxBytes: 1 << 20 })).batch.seqs).toEqual([10]);
    } finally {
      await store.close();
    }
  });

  it('when empty is dropped and replaced by the partitioned table', async () => {
    const schema = freshSchema();
    await query(`CREATE SCHEMA ${schema}; SET search_path = ${schema}; ${OLD_BATCHES}`);
    const store = await openPostgresStore({ url: PG_URL, schema, now: () => NOW });
    await store.close();
    expect((await partitions(schema)).map((p) => p.name)).toEqual([partitionName(NOW), partitionName(NOW + DAY_MS)]);
  });
});
