// Opens only the API token table of a store, for `outflow tokens` next to a running runner (WAL).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ApiTokenRepository } from '@outflow/core';
import { createTokenRepository } from './token-repository.js';
import { prepareTokenTables } from './token-schema.js';

export interface SqliteTokenStore {
  readonly tokens: ApiTokenRepository;
  close(): void;
}

/**
 * Opens the store's SQLite file for token management without touching the event log: no segment
 * recovery runs, so it is safe while a runner has the same store open (WAL lets both write).
 */
export function openSqliteTokenStore(options: { path: string }): SqliteTokenStore {
  fs.mkdirSync(path.dirname(path.resolve(options.path)), { recursive: true });
  const db = new Database(options.path);
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    prepareTokenTables(db);
    return { tokens: createTokenRepository(db), close: () => db.close() };
  } catch (error) {
    db.close();
    throw error;
  }
}
