// `--store`: option parsing, and a PostgreSQL store's fresh schema that dispose() drops (needs the machine's PostgreSQL).
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../src/args.js';
import { BENCH_PG_URL, runnerStore } from '../src/bench-store.js';

const schemaExists = async (schema: string) => {
  const client = new pg.Client({ connectionString: BENCH_PG_URL });
  await client.connect();
  try {
    return (await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])).rowCount === 1;
  } finally {
    await client.end();
  }
};

describe('--store', () => {
  it('defaults to sqlite, takes postgres, and refuses anything else or replay-seek on postgres', () => {
    expect(parseBenchArgs([]).store).toBe('sqlite');
    expect(parseBenchArgs(['--store', 'postgres']).store).toBe('postgres');
    expect(() => parseBenchArgs(['--store', 'mysql'])).toThrow(/Unknown store "mysql"/);
    expect(() => parseBenchArgs(['--store', 'postgres', '--only', 'replay-seek'])).toThrow(/replay-seek runs on --store sqlite only/);
  });

  it('gives each runner a fresh PostgreSQL schema and drops it on dispose', async () => {
    const a = runnerStore('postgres', '/tmp', undefined, { poolSize: 3 });
    const b = runnerStore('postgres', '/tmp', undefined, {});
    const schemaA = (a.config as { postgres: { schema: string; poolSize: number; url: string } }).postgres;
    const schemaB = (b.config as { postgres: { schema: string } }).postgres;
    expect(schemaA.schema).not.toBe(schemaB.schema);
    expect(schemaA).toMatchObject({ url: BENCH_PG_URL, poolSize: 3 });
    const client = new pg.Client({ connectionString: BENCH_PG_URL });
    await client.connect();
    await client.query(`CREATE SCHEMA ${schemaA.schema}; CREATE TABLE ${schemaA.schema}.t (x int)`);
    await client.end();
    expect(await schemaExists(schemaA.schema)).toBe(true);
    await a.dispose();
    await b.dispose();
    expect(await schemaExists(schemaA.schema)).toBe(false);
  });

  it('keeps SQLite as before: a file in the scenario folder, or the given path', () => {
    expect(runnerStore('sqlite', '/d', undefined, { cacheBytes: '8MB' }).config).toEqual({
      sqlite: { path: '/d/outflow.db', fsync: false, cacheBytes: '8MB' },
    });
    expect(runnerStore('sqlite', '/d', '/x.db', {}).config).toEqual({ sqlite: { path: '/x.db', fsync: false } });
  });
});
