// Opening: idempotent DDL, option checks, and errors that never show the URL's password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../src/index.js';
import { batchOf } from './batches.js';
import { PG_URL, dropSchemas, freshSchema, query, requirePostgres } from '../src/testing.js';

beforeAll(requirePostgres);
afterAll(dropSchemas);

describe('openPostgresStore', () => {
  it('creates its schema and tables, and opening again (or twice at once) changes nothing', async () => {
    const schema = freshSchema();
    const [first, second] = await Promise.all([openPostgresStore({ url: PG_URL, schema }), openPostgresStore({ url: PG_URL, schema })]);
    const { lastSeq } = await first.events.append(batchOf('acme', 2));
    await first.close();
    await second.close();
    const tables = await query<{ relname: string; relkind: string }>(
      `SELECT c.relname, c.relkind FROM pg_class c WHERE c.relnamespace = $1::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname`,
      [schema],
    );
    expect(tables.map((t) => t.relname)).toEqual([
      'api_tokens',
      'batch_days',
      'batches',
      'dead_letters',
      'health',
      'log_state',
      'rate_buckets',
      'runners',
      'stream_leases',
      'stream_stats',
      'streams',
    ]);
    expect(tables.find((t) => t.relname === 'batches')?.relkind).toBe('p');
    // The group commit counted the append's events for its day (day-counts.ts).
    expect(await query(`SELECT tenant, events::int, first_seq::int, last_seq::int FROM ${schema}.batch_days`)).toEqual([
      { tenant: 'acme', events: 2, first_seq: 1, last_seq: 2 },
    ]);
    // lz4 for the lines (this server has it; it is only ever a speed-up, pglz is the fallback).
    const compression = await query<{ attcompression: string }>(
      `SELECT attcompression FROM pg_attribute WHERE attrelid = '${schema}.batches'::regclass AND attname = 'lines'`,
    );
    expect(compression).toEqual([{ attcompression: 'l' }]);
    const again = await openPostgresStore({ url: PG_URL, schema });
    expect(await again.events.bounds('acme')).toMatchObject({ lastSeq });
    await again.close();
  });

  it('stores one bytea row per batch holding the envelope lines exactly as given', async () => {
    const schema = freshSchema();
    const store = await openPostgresStore({ url: PG_URL, schema });
    const batch = batchOf('acme', 3);
    await store.events.append(batch);
    await store.close();
    const rows = await query<{ count: number; lines: Buffer }>(`SELECT count, lines FROM ${schema}.batches`);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.count).toBe(3);
    expect(rows[0]?.lines.equals(batch.lines)).toBe(true);
  });

  it('refuses a bad schema name or pool size, naming the option', async () => {
    await expect(openPostgresStore({ url: PG_URL, schema: 'Bad-Name; DROP' })).rejects.toThrow(/schema/);
    await expect(openPostgresStore({ url: PG_URL, schema: freshSchema(), poolSize: 0 })).rejects.toThrow(/poolSize/);
  });

  it('never shows the password of the URL when it cannot connect', async () => {
    const url = 'postgres://outflow:Sup3r-Secret-pw@127.0.0.1:1/outflow';
    const error = (await openPostgresStore({ url, schema: 'outflow' }).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toContain('postgres://outflow@127.0.0.1:1/outflow');
    expect(error.message).not.toContain('Sup3r-Secret-pw');
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain('Sup3r-Secret-pw');
    expect(String(error.stack)).not.toContain('Sup3r-Secret-pw');
  });
});
