// Commits a group of appends in one transaction: takes the seq range under the log_state row lock, inserts one row per batch, notifies.
import type { AppendResult } from '@outflow/core';
import { encodeColumns } from '@outflow/store-kit';
import { inTransaction } from './connection.js';
import type { PendingAppend } from './group-commit.js';
import type { LogContext } from './log-context.js';
import { dayOf, ensureDayPartitions } from './partitions.js';
import type pg from 'pg';

const COLUMNS = 'first_seq, last_seq, count, tenant, recorded_at, lines, ends, types, log_ids, dates, encoding';
const PER_ROW = 11;

/** `($1, $2, …), ($12, …)` for `rows` rows. */
function placeholders(rows: number): string {
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    const p: string[] = [];
    for (let c = 1; c <= PER_ROW; c++) p.push(`$${r * PER_ROW + c}`);
    out.push(`(${p.join(', ')})`);
  }
  return out.join(', ');
}

/** The payload of one commit notification: `<origin> <lastSeq> <tenant>` (the tenant last, as it may hold spaces). */
export const notification = (origin: string, lastSeq: number, tenant: string) => `${origin} ${lastSeq} ${tenant}`;

/** Creates the partitions of days this process has not seen yet (inside the append transaction). */
async function ensurePartitions(ctx: LogContext, client: pg.ClientBase, days: Set<number>): Promise<void> {
  const missing = [...days].filter((d) => !ctx.partitionDays.has(d));
  if (missing.length === 0) return;
  await ensureDayPartitions(client, missing);
  for (const d of missing) ctx.partitionDays.add(d);
}

/** PostgreSQL's "no partition of relation found for row": another runner's purge dropped a day this process thought was there. */
const isMissingPartition = (error: unknown) => (error as { code?: string }).code === '23514' && /no partition/i.test((error as Error).message ?? '');

export function createCommitter(ctx: LogContext): (group: readonly PendingAppend[]) => Promise<AppendResult[]> {
  const commit = createOneCommit(ctx);
  return async (group) => {
    try {
      return await commit(group);
    } catch (error) {
      if (!isMissingPartition(error)) throw error;
      ctx.partitionDays.clear();
      return commit(group);
    }
  };
}

function createOneCommit(ctx: LogContext): (group: readonly PendingAppend[]) => Promise<AppendResult[]> {
  return (group) =>
    inTransaction(ctx.pool, async (client) => {
      // The row lock is held until COMMIT: appenders of every runner take turns, so sequence
      // numbers and recording times increase in commit order.
      const state = await client.query<{ last_seq: number; last_recorded_at: number }>(
        'SELECT last_seq, last_recorded_at FROM log_state WHERE id = 1 FOR UPDATE',
      );
      const row = state.rows[0];
      if (!row) throw new Error('The log_state row is missing.');
      let seq = row.last_seq;
      let at = row.last_recorded_at;
      const results: AppendResult[] = [];
      const values: unknown[] = [];
      const newest = new Map<string, number>();
      const days = new Set<number>();
      for (const { batch, recordedAt } of group) {
        at = Math.max(at, recordedAt ?? ctx.now());
        const n = batch.ends.length;
        results.push({ firstSeq: seq + 1, lastSeq: seq + n, recordedAt: at });
        if (n === 0) continue;
        const c = encodeColumns(batch);
        values.push(seq + 1, seq + n, n, batch.tenant, at, batch.lines, c.ends, c.types, c.logIds, c.dates, c.encoding);
        newest.set(batch.tenant, seq + n);
        days.add(dayOf(at));
        seq += n;
      }
      await ensurePartitions(ctx, client, days);
      if (values.length > 0) {
        await client.query(`INSERT INTO batches (${COLUMNS}) VALUES ${placeholders(values.length / PER_ROW)}`, values);
      }
      const payloads = [...newest].map(([tenant, last]) => notification(ctx.origin, last, tenant));
      // NOTIFY is delivered at COMMIT, so other runners never hear of rows they cannot read yet.
      await client.query(
        `WITH s AS (UPDATE log_state SET last_seq = $1, last_recorded_at = $2 WHERE id = 1 RETURNING 1)
         SELECT (SELECT count(*) FROM s) AS updated, (SELECT count(pg_notify($3, p)) FROM unnest($4::text[]) AS p) AS notified`,
        [seq, at, ctx.channel, payloads],
      );
      return results;
    });
}
