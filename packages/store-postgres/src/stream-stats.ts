// Per-stream per-minute delivery counters: one upserted row per stream and minute.
import type pg from 'pg';
import type { StatsBucket, StreamCounts, StreamStats } from '@outflow/core';
import { type StatsRow, toCounts } from '@outflow/store-kit';
import { fencedWrite } from './fenced-commit.js';

const UPSERT = `INSERT INTO stream_stats AS s (stream_id, minute, delivered, failed, dead_lettered, failed_rounds) VALUES ($1, $2, $3, $4, $5, $6)
  ON CONFLICT (stream_id, minute) DO UPDATE SET delivered = s.delivered + excluded.delivered, failed = s.failed + excluded.failed,
    dead_lettered = s.dead_lettered + excluded.dead_lettered, failed_rounds = s.failed_rounds + excluded.failed_rounds`;
const TOTALS = `SELECT COALESCE(SUM(delivered), 0)::bigint AS delivered, COALESCE(SUM(failed), 0)::bigint AS failed,
  COALESCE(SUM(dead_lettered), 0)::bigint AS dead_lettered, COALESCE(SUM(failed_rounds), 0)::bigint AS failed_rounds
  FROM stream_stats WHERE stream_id = $1`;

export function createStreamStats(pool: pg.Pool): StreamStats {
  return {
    async add(streamId, at, c, fence) {
      const values = [streamId, Math.floor(at / 60_000) * 60_000, c.delivered ?? 0, c.failed ?? 0, c.deadLettered ?? 0, c.failedRounds ?? 0];
      await fencedWrite(pool, streamId, fence, (db) => db.query(UPSERT, values));
    },
    async list(streamId, from, to) {
      const { rows } = await pool.query<StatsRow>(
        'SELECT minute, delivered, failed, dead_lettered, failed_rounds FROM stream_stats WHERE stream_id = $1 AND minute >= $2 AND minute < $3 ORDER BY minute',
        [streamId, from, to],
      );
      return rows.map((r): StatsBucket => ({ at: r.minute, ...toCounts(r) }));
    },
    totals: async (streamId) => toCounts((await pool.query<StatsRow>(TOTALS, [streamId])).rows[0]),
    purge: async (before) => (await pool.query('DELETE FROM stream_stats WHERE minute < $1', [before])).rowCount ?? 0,
  };
}
