// PostgreSQL for runner tests: the test database URL, fresh schemas, and dropping them (fails loudly when PostgreSQL is down).
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The test database; `OUTFLOW_TEST_PG_URL` overrides it. */
export const PG_URL = process.env.OUTFLOW_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function freshSchema(): string {
  return `outflow_e2e_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** Runs one query on a new connection; throws a clear error when PostgreSQL is unreachable. */
export async function pgQuery<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`PostgreSQL is not reachable at ${PG_URL} (start it, or set OUTFLOW_TEST_PG_URL): ${(error as Error).message}`);
  }
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export const dropSchema = (schema: string) => pgQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
