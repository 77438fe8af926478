// Opens the store the config chooses: the embedded SQLite (files next to the config) or a shared PostgreSQL.
import { resolve } from 'node:path';
import type { Logger, Store } from '@outflow/core';
import { openPostgresStore } from '@outflow/store-postgres';
import { openSqliteStore, openSqliteTokenStore } from '@outflow/store-sqlite';
import type { StoreConfig } from './config/schema.js';

export interface StoreContext {
  /** Folder of the config file; a relative SQLite path is resolved from it. */
  dir: string;
  now: () => number;
  logger: Logger;
}

export async function openConfiguredStore(config: StoreConfig, ctx: StoreContext): Promise<Store> {
  if (config.postgres) {
    const { url, schema, poolSize } = config.postgres;
    return openPostgresStore({ url: url.reveal(), schema, poolSize, now: ctx.now, logger: ctx.logger });
  }
  const sqlite = config.sqlite;
  if (!sqlite) throw new Error('The config names no store (store.sqlite or store.postgres).');
  return openSqliteStore({ path: resolve(ctx.dir, sqlite.path), fsync: sqlite.fsync, cacheBytes: sqlite.cacheBytes, now: ctx.now, logger: ctx.logger });
}

export interface TokenStore {
  readonly tokens: Store['tokens'];
  close(): Promise<void>;
}

/** Only the token table, for `outflow tokens` next to a running runner (SQLite: no segment recovery runs). */
export async function openConfiguredTokenStore(config: StoreConfig, dir: string): Promise<TokenStore> {
  if (config.postgres) {
    const { url, schema } = config.postgres;
    const store = await openPostgresStore({ url: url.reveal(), schema, poolSize: 1 });
    return { tokens: store.tokens, close: () => store.close() };
  }
  const store = openSqliteTokenStore({ path: resolve(dir, config.sqlite?.path ?? './data/outflow.db') });
  return { tokens: store.tokens, close: async () => store.close() };
}
