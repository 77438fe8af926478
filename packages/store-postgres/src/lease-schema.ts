// The lease tables (ADR 0019): runner membership, one lease row per leased stream, and the generation sequence. Run after SCHEMA_SQL.
export const LEASE_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS runners (
  id TEXT PRIMARY KEY,
  host TEXT NOT NULL,
  pid INTEGER NOT NULL,
  started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  heartbeat_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at TIMESTAMPTZ NOT NULL
);
CREATE SEQUENCE IF NOT EXISTS stream_lease_generations;
CREATE TABLE IF NOT EXISTS stream_leases (
  stream_id TEXT PRIMARY KEY,
  runner_id TEXT NOT NULL,
  generation BIGINT NOT NULL,
  acquired_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS stream_leases_runner ON stream_leases (runner_id);
`;
