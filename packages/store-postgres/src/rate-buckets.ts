// Shared rate buckets (ADR 0021): one UNLOGGED row per token and budget, refilled and spent in one statement on the database's clock.
import type { SharedRateBuckets, SharedTake } from '@outflow/core';
import type pg from 'pg';

/** Unlogged: a bucket lost in a crash is only a full bucket again, and no WAL is written per request. */
export const RATE_SCHEMA_SQL = `
CREATE UNLOGGED TABLE IF NOT EXISTS rate_buckets (
  key TEXT PRIMARY KEY,
  tokens DOUBLE PRECISION NOT NULL,
  at TIMESTAMPTZ NOT NULL,
  burst INTEGER NOT NULL,
  per_minute INTEGER NOT NULL,
  allowed BOOLEAN NOT NULL
) WITH (fillfactor = 70);
`;

// The level before this take: refilled since `at`, capped at the burst; a changed budget starts full.
const LEVEL = `CASE WHEN b.burst = EXCLUDED.burst AND b.per_minute = EXCLUDED.per_minute
  THEN least(b.burst, b.tokens + greatest(0, extract(epoch FROM clock_timestamp() - b.at)) * b.per_minute / 60.0)
  ELSE EXCLUDED.burst END`;

/** A denied take spends nothing, so clients that retry do not push their own budget further out. */
const TAKE_SQL = `
INSERT INTO rate_buckets AS b (key, tokens, at, burst, per_minute, allowed)
VALUES ($1, $2 - 1, clock_timestamp(), $2, $3, true)
ON CONFLICT (key) DO UPDATE SET (tokens, at, burst, per_minute, allowed) = (
  SELECT CASE WHEN l.level >= 1 THEN l.level - 1 ELSE l.level END, greatest(b.at, clock_timestamp()), EXCLUDED.burst, EXCLUDED.per_minute, l.level >= 1
  FROM (SELECT ${LEVEL} AS level) l
)
RETURNING allowed, tokens, (extract(epoch FROM at) * 1000)::float8 AS at_ms`;

const SWEEP_SQL = `
DELETE FROM rate_buckets
WHERE tokens + greatest(0, extract(epoch FROM clock_timestamp() - at)) * per_minute / 60.0 >= burst
   OR at < clock_timestamp() - interval '1 day'`;

export function createRateBuckets(pool: pg.Pool): SharedRateBuckets {
  return {
    async take(key, burst, requestsPerMinute): Promise<SharedTake> {
      const { rows } = await pool.query<{ allowed: boolean; tokens: number; at_ms: number }>({
        name: 'rate-bucket-take',
        text: TAKE_SQL,
        values: [key, burst, requestsPerMinute],
      });
      const row = rows[0] as { allowed: boolean; tokens: number; at_ms: number };
      return { allowed: row.allowed, tokens: row.tokens, at: row.at_ms };
    },
    async sweep() {
      return (await pool.query(SWEEP_SQL)).rowCount ?? 0;
    },
  };
}
