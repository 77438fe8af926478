// @outflow/store-postgres/testing: the test database URL and fresh schemas, dropped after a test file (PostgreSQL must be running: no skipping).
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The test database; `OUTFLOW_TEST_PG_URL` overrides it. */
export const PG_URL = process.env.OUTFLOW_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const made: string[] = [];

/** A new, unused schema name; `dropSchemas` removes every one made. */
export function freshSchema(prefix = 'outflow_test'): string {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  made.push(name);
  return name;
}

async function withClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`PostgreSQL is not reachable at ${PG_URL} (start it, or set OUTFLOW_TEST_PG_URL): ${(error as Error).message}`);
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Fails the test file at once when PostgreSQL is not there. */
export const requirePostgres = () => withClient(async (c) => void (await c.query('SELECT 1')));

export async function dropSchemas(): Promise<void> {
  const names = made.splice(0);
  if (names.length === 0) return;
  await withClient(async (c) => {
    for (const name of names) await c.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
  });
}

export const query = <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => withClient(async (c) => (await c.query<R>(sql, params)).rows);
