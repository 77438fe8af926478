// The SQLite table of minted API tokens (kept apart from the event-log schema; created when missing).
import type Database from 'better-sqlite3';

const TOKEN_SCHEMA = `
CREATE TABLE IF NOT EXISTS api_tokens (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  tenant TEXT NOT NULL,
  name TEXT,
  scopes TEXT NOT NULL,
  created_at NUMERIC NOT NULL,
  expires_at NUMERIC,
  last_used_at NUMERIC,
  revoked_at NUMERIC
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS api_tokens_tenant ON api_tokens (tenant, created_at);
`;

/** Creates the API token table and its index when missing (additive: older stores gain it on open). */
export function prepareTokenTables(db: Database.Database): void {
  db.exec(TOKEN_SCHEMA);
}
