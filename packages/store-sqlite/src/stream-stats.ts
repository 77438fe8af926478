// Per-stream per-minute delivery counters: one upserted row per stream and minute.
import type Database from 'better-sqlite3';
import type { StatsBucket, StreamCounts, StreamStats } from '@outflow/core';
import { type StatsRow, toCounts } from '@outflow/store-kit';
import type { WriteBatcher } from './write-batcher.js';

export function createStreamStats(db: Database.Database, writes: WriteBatcher): StreamStats {
  const upsert = db.prepare(`INSERT INTO stream_stats (stream_id, minute, delivered, failed, dead_lettered, failed_rounds) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (stream_id, minute) DO UPDATE SET delivered = delivered + excluded.delivered, failed = failed + excluded.failed,
      dead_lettered = dead_lettered + excluded.dead_lettered, failed_rounds = failed_rounds + excluded.failed_rounds`);
  const list = db.prepare(
    'SELECT minute, delivered, failed, dead_lettered, failed_rounds FROM stream_stats WHERE stream_id = ? AND minute >= ? AND minute < ? ORDER BY minute',
  );
  const totals = db.prepare(`SELECT COALESCE(SUM(delivered), 0) AS delivered, COALESCE(SUM(failed), 0) AS failed,
    COALESCE(SUM(dead_lettered), 0) AS dead_lettered, COALESCE(SUM(failed_rounds), 0) AS failed_rounds FROM stream_stats WHERE stream_id = ?`);
  const purge = db.prepare('DELETE FROM stream_stats WHERE minute < ?');
  return {
    async add(streamId, at, c) {
      await writes.run(() => upsert.run(streamId, Math.floor(at / 60_000) * 60_000, c.delivered ?? 0, c.failed ?? 0, c.deadLettered ?? 0, c.failedRounds ?? 0));
    },
    async list(streamId, from, to) {
      return (list.all(streamId, from, to) as StatsRow[]).map((r): StatsBucket => ({ at: r.minute, ...toCounts(r) }));
    },
    totals: async (streamId) => toCounts(totals.get(streamId) as StatsRow),
    purge: async (before) => purge.run(before).changes,
  };
}
