// The store the bench's runners use: a temporary SQLite file (default) or a fresh PostgreSQL schema per runner, dropped afterwards.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';

export type BenchStoreKind = 'sqlite' | 'postgres';

/** The PostgreSQL of `--store postgres`; `OUTFLOW_BENCH_PG_URL` overrides it. */
export const BENCH_PG_URL = process.env.OUTFLOW_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface RunnerStore {
  /** The runner config's `store` section. */
  config: object;
  /** Removes what the store left behind (the PostgreSQL schema; the SQLite file goes with the scenario's folder). */
  dispose(): Promise<void>;
}

/** A store for one runner start; `extra` are settings to compare (OUTFLOW_BENCH_STORE). */
export function runnerStore(kind: BenchStoreKind, dir: string, sqlitePath: string | undefined, extra: object): RunnerStore {
  if (kind === 'sqlite') {
    return { config: { sqlite: { path: sqlitePath ?? join(dir, 'outflow.db'), fsync: false, ...extra } }, dispose: async () => {} };
  }
  const schema = `outflow_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  return {
    config: { postgres: { url: BENCH_PG_URL, schema, ...extra } },
    async dispose() {
      const client = new pg.Client({ connectionString: BENCH_PG_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
