// Retention: drops day partitions wholly before a time and deletes the rest of the prefix, moves behind cursors on and records events_lost, in one transaction.
import type { PurgeResult } from '@outflow/core';
import type pg from 'pg';
import { inTransaction } from './connection.js';
import { daysBefore, subtractPurged, type DayCount } from './day-counts.js';
import type { LogContext } from './log-context.js';
import { detachPartitionsBefore, dropPurged, listPartitions } from './partitions.js';

/** Two runners purging at once take turns (the second then finds nothing left to purge). */
const PURGE_LOCK = "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.outflow_purge'))";

/** Events of a stream's tenant after its cursor in one day (a day its cursor lies inside): the day's rows after the cursor. */
const PARTIAL_DAY = `SELECT COALESCE(SUM(last_seq - GREATEST(first_seq, $2::bigint + 1) + 1), 0)::bigint AS n FROM batches
  WHERE tenant = $1 AND last_seq > $2 AND first_seq <= $3 AND recorded_at >= $4 AND recorded_at < $5`;

interface Behind {
  id: string;
  tenant: string;
  cursor: number;
  /** Purged events of its tenant after its cursor, and the last of them. */
  lost: number;
  last: number;
}

/** Adds what each behind stream loses in the days about to be dropped: whole days from their counts, the day holding its cursor from its rows. */
async function lossesInDays(client: pg.ClientBase, behind: Behind[], days: readonly DayCount[], through: number): Promise<void> {
  for (const s of behind) {
    for (const d of days) {
      if (d.tenant !== s.tenant || d.last_seq <= s.cursor) continue;
      s.last = Math.max(s.last, d.last_seq);
      if (d.first_seq > s.cursor) s.lost += d.events;
      else s.lost += (await client.query<{ n: number }>(PARTIAL_DAY, [s.tenant, s.cursor, through, d.day, d.day + 86_400_000])).rows[0]?.n ?? 0;
    }
  }
}

export function createPurge(ctx: LogContext): (before: number) => Promise<PurgeResult> {
  return async (before) => {
    const result = await inTransaction(ctx.pool, async (client) => {
      await client.query(PURGE_LOCK);
      const gone = (await listPartitions(client)).filter((p) => p.to <= before);
      // When whole days will be dropped, appends wait from here to COMMIT (SHARE blocks writers, not
      // readers): a group committing during the purge could otherwise put rows behind the cutoff,
      // after \`through\` was found, into a partition that is then dropped uncounted.
      if (gone.length > 0) await client.query('LOCK TABLE batches IN SHARE MODE');
      // Recording times never go backwards in seq order, so the purged batches are a prefix of the log.
      const through = (
        await client.query<{ last_seq: number }>('SELECT last_seq FROM batches WHERE recorded_at < $1 ORDER BY recorded_at DESC, first_seq DESC LIMIT 1', [
          before,
        ])
      ).rows[0]?.last_seq;
      if (through === undefined) return { events: 0, streams: [] } satisfies PurgeResult;
      // Whole days are counted from batch_days, not by reading their rows: O(days × tenants).
      const droppedTo = gone.length > 0 ? Math.max(...gone.map((p) => p.to)) : Number.NEGATIVE_INFINITY;
      const days = gone.length > 0 ? await daysBefore(client, droppedTo) : [];
      const behind = (await client.query<Behind>('SELECT id, tenant, cursor, 0 AS lost, 0 AS last FROM streams WHERE cursor < $1 ORDER BY id', [through])).rows;
      await lossesInDays(client, behind, days, through);
      // Whole days before the cutoff go as partitions (no row-by-row delete, no dead tuples to
      // vacuum): detached here, dropped after the commit; the rest of the prefix is in the
      // boundary partition(s) and is deleted.
      const detached = await detachPartitionsBefore(client, before, ctx.now());
      if (detached.length > 0) ctx.partitionDays.clear();
      const deleted = (
        await client.query<{ tenant: string; first_seq: number; last_seq: number; count: number; recorded_at: number }>(
          'DELETE FROM batches WHERE recorded_at < $1 AND first_seq <= $2 RETURNING tenant, first_seq, last_seq, count, recorded_at',
          [before, through],
        )
      ).rows;
      for (const s of behind) {
        for (const r of deleted) {
          if (r.tenant !== s.tenant || r.last_seq <= s.cursor) continue;
          s.lost += r.last_seq - Math.max(r.first_seq, s.cursor + 1) + 1;
          s.last = Math.max(s.last, r.last_seq);
        }
      }
      await subtractPurged(client, droppedTo, deleted, through);
      const lost = behind.filter((s) => s.lost > 0);
      const at = ctx.now();
      for (const s of lost) {
        await client.query('UPDATE streams SET cursor = GREATEST(cursor, $1) WHERE id = $2', [s.last, s.id]);
        await client.query(`INSERT INTO health (stream_id, tenant, at, kind, count, message) VALUES ($1, $2, $3, 'events_lost', $4, $5)`, [
          s.id,
          s.tenant,
          at,
          s.lost,
          `${s.lost} events passed the retention period before they were delivered; the stream moved on.`,
        ]);
      }
      const events = days.reduce((n, d) => n + d.events, 0) + deleted.reduce((n, r) => n + r.count, 0);
      return { events, streams: lost.map((s) => ({ streamId: s.id, lost: s.lost })) } satisfies PurgeResult;
    });
    // Unlinking the detached days' files (hundreds of MB) takes seconds on a slow disk: out of the
    // transaction, so appends and reads of batches do not wait for it.
    try {
      await dropPurged(ctx.pool);
    } catch (error) {
      ctx.logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'Could not drop purged partitions; the next purge tries again.');
    }
    if (result.events > 0) ctx.logger.info({ before, events: result.events, streams: result.streams.length }, 'Purged events past retention.');
    return result;
  };
}
