// The PostgreSQL schema: one row per appended batch (envelope lines as bytea beside their index, partitioned by UTC day of recorded_at), streams, health, dead letters, stats, tokens.

/**
 * Idempotent DDL run on every open, inside the store's own schema (search_path points there).
 * Times are epoch ms as double precision, like the numbers the Store interface speaks.
 * `batches` is range-partitioned by recorded_at, one partition per UTC day (partitions.ts), so
 * retention drops whole days; the primary key carries the partition key, as PostgreSQL requires.
 */
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS log_state (
  id SMALLINT PRIMARY KEY CHECK (id = 1),
  last_seq BIGINT NOT NULL,
  last_recorded_at DOUBLE PRECISION NOT NULL
);
INSERT INTO log_state (id, last_seq, last_recorded_at) VALUES (1, 0, 0) ON CONFLICT (id) DO NOTHING;
CREATE TABLE IF NOT EXISTS batches (
  first_seq BIGINT NOT NULL,
  last_seq BIGINT NOT NULL,
  count INTEGER NOT NULL,
  tenant TEXT NOT NULL,
  recorded_at DOUBLE PRECISION NOT NULL,
  lines BYTEA NOT NULL,
  ends BYTEA NOT NULL,
  types TEXT NOT NULL,
  log_ids TEXT NOT NULL,
  dates BYTEA NOT NULL,
  encoding SMALLINT NOT NULL DEFAULT 0,
  PRIMARY KEY (first_seq, recorded_at)
) PARTITION BY RANGE (recorded_at);
CREATE INDEX IF NOT EXISTS batches_tenant ON batches (tenant, last_seq);
CREATE INDEX IF NOT EXISTS batches_recorded ON batches (recorded_at, first_seq);
CREATE TABLE IF NOT EXISTS streams (
  id TEXT PRIMARY KEY,
  tenant TEXT NOT NULL,
  definition TEXT NOT NULL,
  cursor BIGINT NOT NULL,
  generation INTEGER NOT NULL DEFAULT 0,
  failing_since DOUBLE PRECISION,
  last_success_at DOUBLE PRECISION,
  last_error_at DOUBLE PRECISION,
  delivered BIGINT NOT NULL DEFAULT 0,
  dead_lettered BIGINT NOT NULL DEFAULT 0,
  suspended_reason TEXT
);
CREATE INDEX IF NOT EXISTS streams_tenant ON streams (tenant);
CREATE TABLE IF NOT EXISTS health (
  id BIGSERIAL PRIMARY KEY,
  stream_id TEXT NOT NULL,
  tenant TEXT NOT NULL,
  at DOUBLE PRECISION NOT NULL,
  kind TEXT NOT NULL,
  error_kind TEXT,
  status INTEGER,
  message TEXT NOT NULL,
  attempts INTEGER,
  count BIGINT
);
CREATE INDEX IF NOT EXISTS health_stream ON health (stream_id, id);
CREATE INDEX IF NOT EXISTS health_at ON health (at);
CREATE TABLE IF NOT EXISTS dead_letters (
  id BIGSERIAL PRIMARY KEY,
  stream_id TEXT NOT NULL,
  tenant TEXT NOT NULL,
  seq BIGINT NOT NULL,
  log_id TEXT NOT NULL,
  type TEXT NOT NULL,
  raw TEXT NOT NULL,
  at DOUBLE PRECISION NOT NULL,
  error_kind TEXT NOT NULL,
  status INTEGER,
  message TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS dead_letters_stream ON dead_letters (stream_id, id);
CREATE TABLE IF NOT EXISTS stream_stats (
  stream_id TEXT NOT NULL,
  minute DOUBLE PRECISION NOT NULL,
  delivered BIGINT NOT NULL DEFAULT 0,
  failed BIGINT NOT NULL DEFAULT 0,
  dead_lettered BIGINT NOT NULL DEFAULT 0,
  failed_rounds BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (stream_id, minute)
);
CREATE INDEX IF NOT EXISTS stream_stats_minute ON stream_stats (minute);
CREATE TABLE IF NOT EXISTS api_tokens (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  tenant TEXT NOT NULL,
  name TEXT,
  scopes TEXT NOT NULL,
  created_at DOUBLE PRECISION NOT NULL,
  expires_at DOUBLE PRECISION,
  last_used_at DOUBLE PRECISION,
  revoked_at DOUBLE PRECISION
);
CREATE INDEX IF NOT EXISTS api_tokens_tenant ON api_tokens (tenant, created_at);
`;

/**
 * Batch lines are TOAST-compressed; lz4 (PostgreSQL 14+, when built with it) compresses several
 * times faster than the default pglz at a similar ratio on JSON. Set once when the column still
 * has the default, so an operator's own choice stays; new rows only. Servers without lz4 keep pglz.
 */
export const LZ4_SQL = `DO $$ BEGIN
  IF (SELECT attcompression FROM pg_attribute WHERE attrelid = 'batches'::regclass AND attname = 'lines') = '' THEN
    ALTER TABLE batches ALTER COLUMN lines SET COMPRESSION lz4;
  END IF;
EXCEPTION WHEN OTHERS THEN NULL;
END $$`;
