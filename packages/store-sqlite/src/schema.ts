// The SQLite schema: one index row per appended batch, streams with their state, health, dead letters, stats.
import type Database from 'better-sqlite3';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value NUMERIC NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS batches (
  first_seq INTEGER PRIMARY KEY,
  last_seq INTEGER NOT NULL,
  count INTEGER NOT NULL,
  tenant TEXT NOT NULL,
  recorded_at NUMERIC NOT NULL,
  segment INTEGER NOT NULL,
  offset INTEGER NOT NULL,
  length INTEGER NOT NULL,
  ends BLOB NOT NULL,
  types TEXT NOT NULL,
  log_ids TEXT NOT NULL,
  dates BLOB NOT NULL,
  encoding INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS batches_tenant ON batches (tenant, last_seq);
CREATE INDEX IF NOT EXISTS batches_recorded ON batches (recorded_at);
CREATE TABLE IF NOT EXISTS streams (
  id TEXT PRIMARY KEY,
  tenant TEXT NOT NULL,
  definition TEXT NOT NULL,
  cursor INTEGER NOT NULL,
  generation INTEGER NOT NULL DEFAULT 0,
  failing_since NUMERIC,
  last_success_at NUMERIC,
  last_error_at NUMERIC,
  delivered INTEGER NOT NULL DEFAULT 0,
  dead_lettered INTEGER NOT NULL DEFAULT 0,
  suspended_reason TEXT
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS streams_tenant ON streams (tenant);
CREATE TABLE IF NOT EXISTS health (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  stream_id TEXT NOT NULL,
  tenant TEXT NOT NULL,
  at NUMERIC NOT NULL,
  kind TEXT NOT NULL,
  error_kind TEXT,
  status INTEGER,
  message TEXT NOT NULL,
  attempts INTEGER,
  count INTEGER
);
CREATE INDEX IF NOT EXISTS health_stream ON health (stream_id, id);
CREATE INDEX IF NOT EXISTS health_at ON health (at);
CREATE TABLE IF NOT EXISTS dead_letters (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  stream_id TEXT NOT NULL,
  tenant TEXT NOT NULL,
  seq INTEGER NOT NULL,
  log_id TEXT NOT NULL,
  type TEXT NOT NULL,
  raw TEXT NOT NULL,
  at NUMERIC NOT NULL,
  error_kind TEXT NOT NULL,
  status INTEGER,
  message TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS dead_letters_stream ON dead_letters (stream_id, id);
CREATE TABLE IF NOT EXISTS stream_stats (
  stream_id TEXT NOT NULL,
  minute INTEGER NOT NULL,
  delivered INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  dead_lettered INTEGER NOT NULL DEFAULT 0,
  failed_rounds INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (stream_id, minute)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS stream_stats_minute ON stream_stats (minute);
`;

/** Sets the pragmas (WAL; `synchronous` FULL with fsync, NORMAL without) and creates missing tables. */
export function prepareDatabase(db: Database.Database, fsync: boolean): void {
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${fsync ? 'FULL' : 'NORMAL'}`);
  db.pragma('busy_timeout = 5000');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -16384');
  db.exec(SCHEMA);
}
