// Retention: drops day partitions wholly before a time and deletes the rest of the prefix, moves behind cursors on and records events_lost, in one transaction.
import type { PurgeResult } from '@outflow/core';
import { inTransaction } from './connection.js';
import type { LogContext } from './log-context.js';
import { dropPartitionsBefore, listPartitions } from './partitions.js';

/** Two runners purging at once take turns (the second then finds nothing left to purge). */
const PURGE_LOCK = "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.outflow_purge'))";

const LOST = `SELECT s.id, s.tenant, l.n, l.last FROM streams s CROSS JOIN LATERAL (
    SELECT COALESCE(SUM(b.last_seq - GREATEST(b.first_seq, s.cursor + 1) + 1), 0)::bigint AS n, MAX(b.last_seq) AS last
    FROM batches b WHERE b.tenant = s.tenant AND b.last_seq > s.cursor AND b.first_seq <= $1) l
  WHERE l.n > 0 ORDER BY s.id`;

export function createPurge(ctx: LogContext): (before: number) => Promise<PurgeResult> {
  return async (before) => {
    const result = await inTransaction(ctx.pool, async (client) => {
      await client.query(PURGE_LOCK);
      // When whole days will be dropped, appends wait from here to COMMIT (SHARE blocks writers, not
      // readers): a group committing during the purge could otherwise put rows behind the cutoff,
      // after \`through\` was found, into a partition that is then dropped uncounted.
      if ((await listPartitions(client)).some((p) => p.to <= before)) await client.query('LOCK TABLE batches IN SHARE MODE');
      // Recording times never go backwards in seq order, so the purged batches are a prefix of the log.
      const through = (
        await client.query<{ last_seq: number }>('SELECT last_seq FROM batches WHERE recorded_at < $1 ORDER BY recorded_at DESC, first_seq DESC LIMIT 1', [
          before,
        ])
      ).rows[0]?.last_seq;
      if (through === undefined) return { events: 0, streams: [] } satisfies PurgeResult;
      const events =
        (await client.query<{ n: number }>('SELECT COALESCE(SUM(count), 0)::bigint AS n FROM batches WHERE first_seq <= $1', [through])).rows[0]?.n ?? 0;
      const lost = (await client.query<{ id: string; tenant: string; n: number; last: number }>(LOST, [through])).rows;
      const at = ctx.now();
      for (const s of lost) {
        await client.query('UPDATE streams SET cursor = GREATEST(cursor, $1) WHERE id = $2', [s.last, s.id]);
        await client.query(`INSERT INTO health (stream_id, tenant, at, kind, count, message) VALUES ($1, $2, $3, 'events_lost', $4, $5)`, [
          s.id,
          s.tenant,
          at,
          s.n,
          `${s.n} events passed the retention period before they were delivered; the stream moved on.`,
        ]);
      }
      // Whole days before the cutoff go as partitions (no row-by-row delete, no dead tuples to
      // vacuum); the rest of the prefix is in the boundary partition(s) and is deleted.
      const dropped = await dropPartitionsBefore(client, before);
      if (dropped.length > 0) ctx.partitionDays.clear();
      await client.query('DELETE FROM batches WHERE recorded_at < $1 AND first_seq <= $2', [before, through]);
      return { events, streams: lost.map((s) => ({ streamId: s.id, lost: s.n })) } satisfies PurgeResult;
    });
    if (result.events > 0) ctx.logger.info({ before, events: result.events, streams: result.streams.length }, 'Purged events past retention.');
    return result;
  };
}
