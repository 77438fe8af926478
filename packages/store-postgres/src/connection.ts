// Connections: the pool (64-bit integers read as numbers, search_path set to the store's schema) and a URL safe to print.
import pg from 'pg';
import { redactText, scrubError } from '@outflow/core';

const INT8 = 20;

/** Sequence numbers and counters stay far below 2^53, so BIGINT columns are read as numbers. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 && format !== 'binary') return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Checks a schema name: lower-case letters, digits and `_`, so it never needs quoting. */
export function checkSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new TypeError(`schema must be 1-63 lower-case letters, digits or '_' (not starting with a digit); got ${JSON.stringify(schema)}.`);
  }
  return schema;
}

/** `postgres://user@host:port/db` without the password, for logs and messages. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return `${u.protocol}//${u.username ? `${u.username}@` : ''}${u.host}${u.pathname}`;
  } catch {
    return '(an unparseable PostgreSQL URL)';
  }
}

/** The URL's password (decoded and raw), to redact from driver errors. */
export function urlSecrets(url: string): string[] {
  try {
    const raw = new URL(url).password;
    return raw ? [raw, decodeURIComponent(raw)] : [];
  } catch {
    return [url];
  }
}

/** Driver errors with the URL's password (if it ever appears) removed. */
export function cleanError(error: unknown, url: string): unknown {
  return scrubError(error, urlSecrets(url));
}

export function redactUrl(text: string, url: string): string {
  return redactText(text, urlSecrets(url));
}

export function clientConfig(url: string, schema: string): pg.ClientConfig {
  return { connectionString: url, types, options: `-c search_path=${schema}`, application_name: 'outflow' };
}

export function createPool(url: string, schema: string, size: number): pg.Pool {
  return new pg.Pool({ ...clientConfig(url, schema), max: size, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 10_000 });
}

/** Runs `fn` in a transaction on one pooled connection: COMMIT when it resolves, ROLLBACK when it throws. */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (error) {
    // A connection that cannot even roll back is broken: drop it instead of returning it to the pool.
    const broken = await client.query('ROLLBACK').then(
      () => undefined,
      (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
    );
    client.release(broken);
    throw error;
  }
}
