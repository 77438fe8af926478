// Commits a group of appends in ONE statement (one round trip): takes the seq range from log_state, inserts one row per batch from arrays, notifies.
import type { AppendResult } from '@outflow/core';
import { encodeColumns } from '@outflow/store-kit';
import type { PendingAppend } from './group-commit.js';
import { COUNT_DAYS_CTE } from './day-counts.js';
import type { LogContext } from './log-context.js';
import { DDL_LOCK, dayOf, ensureDayPartitions } from './partitions.js';

/**
 * The whole group commit as one implicit transaction. `old` locks the log_state row (FOR UPDATE,
 * held until the statement commits), so appenders of every runner still take turns and seqs and
 * recording times increase in commit order; `up` moves the counter and returns the range's base;
 * `ins` writes every batch, its bytes cut with substring() out of three binary parameters (lines,
 * ends, dates laid end to end) by offsets; `dc` adds the events to batch_days (day-counts.ts); `nt` queues the NOTIFYs, delivered at commit.
 * Per batch: offset of its first seq in the group, count, tenant, recording time before the
 * clamp (running max of the group), byte offsets and lengths, names and their encoding.
 */
const COMMIT = `WITH old AS (SELECT last_seq, last_recorded_at FROM log_state WHERE id = 1 FOR UPDATE),
up AS (UPDATE log_state l SET last_seq = old.last_seq + $1, last_recorded_at = GREATEST(old.last_recorded_at, $2)
       FROM old WHERE l.id = 1 RETURNING old.last_seq AS base, old.last_recorded_at AS base_at),
r AS (SELECT * FROM unnest($3::bigint[], $4::int[], $5::text[], $6::float8[], $7::int[], $8::int[], $9::int[], $10::int[], $11::int[], $12::text[], $13::text[], $14::int2[])
       AS r(off, n, tenant, at, lines_at, lines_len, ends_at, dates_at, dates_len, types, log_ids, enc)),
ins AS (INSERT INTO batches (first_seq, last_seq, count, tenant, recorded_at, lines, ends, types, log_ids, dates, encoding)
       SELECT up.base + r.off + 1, up.base + r.off + r.n, r.n, r.tenant, GREATEST(up.base_at, r.at),
              substring($15::bytea FROM r.lines_at + 1 FOR r.lines_len), substring($16::bytea FROM r.ends_at + 1 FOR 4 * r.n),
              r.types, r.log_ids, substring($17::bytea FROM r.dates_at + 1 FOR r.dates_len), r.enc
       FROM up, r),
${COUNT_DAYS_CTE},
nt AS (SELECT pg_notify($18::text, $19::text || ' ' || (up.base + t.last) || ' ' || t.tenant) FROM up, unnest($20::text[], $21::bigint[]) AS t(tenant, last))
SELECT up.base, up.base_at, (SELECT count(*) FROM nt) AS notified FROM up`;

/** The payload of one commit notification: `<origin> <lastSeq> <tenant>` (the tenant last, as it may hold spaces). */
export const notification = (origin: string, lastSeq: number, tenant: string) => `${origin} ${lastSeq} ${tenant}`;

/** The statement's parameters for a group, and each append's seq offset and running recording time. */
function encodeGroup(ctx: LogContext, group: readonly PendingAppend[]) {
  const off: number[] = [];
  const n: number[] = [];
  const tenant: string[] = [];
  const at: number[] = [];
  const linesAt: number[] = [];
  const linesLen: number[] = [];
  const endsAt: number[] = [];
  const datesAt: number[] = [];
  const datesLen: number[] = [];
  const types: string[] = [];
  const logIds: string[] = [];
  const enc: number[] = [];
  const lines: Buffer[] = [];
  const ends: Buffer[] = [];
  const dates: Buffer[] = [];
  const newest = new Map<string, number>();
  const each: { off: number; n: number; at: number }[] = [];
  let total = 0;
  let runningAt = Number.NEGATIVE_INFINITY;
  let bytes = 0;
  let endBytes = 0;
  let dateBytes = 0;
  for (const { batch, recordedAt } of group) {
    runningAt = Math.max(runningAt, recordedAt ?? ctx.now());
    const count = batch.ends.length;
    each.push({ off: total, n: count, at: runningAt });
    if (count === 0) continue;
    const c = encodeColumns(batch);
    off.push(total);
    n.push(count);
    tenant.push(batch.tenant);
    at.push(runningAt);
    linesAt.push(bytes);
    linesLen.push(batch.lines.length);
    endsAt.push(endBytes);
    datesAt.push(dateBytes);
    datesLen.push(c.dates.length);
    types.push(c.types);
    logIds.push(c.logIds);
    enc.push(c.encoding);
    lines.push(batch.lines);
    ends.push(c.ends);
    dates.push(c.dates);
    bytes += batch.lines.length;
    endBytes += c.ends.length;
    dateBytes += c.dates.length;
    total += count;
    newest.set(batch.tenant, total);
  }
  const params = [
    total,
    runningAt,
    off,
    n,
    tenant,
    at,
    linesAt,
    linesLen,
    endsAt,
    datesAt,
    datesLen,
    types,
    logIds,
    enc,
    Buffer.concat(lines, bytes),
    Buffer.concat(ends, endBytes),
    Buffer.concat(dates, dateBytes),
    ctx.channel,
    ctx.origin,
    [...newest.keys()],
    [...newest.values()],
  ];
  return { params, each, rowTimes: at };
}

/** PostgreSQL's "no partition of relation found for row": a day this process has not made, or another runner's purge dropped. */
const isMissingPartition = (error: unknown) => (error as { code?: string }).code === '23514' && /no partition/i.test((error as Error).message ?? '');

/** Attempts of one group: a missing partition is made, then the statement runs again (a few times, if other runners race). */
const ATTEMPTS = 4;

export function createCommitter(ctx: LogContext): (group: readonly PendingAppend[]) => Promise<AppendResult[]> {
  /** The newest recording time this process knows of: rows are clamped to at least it, so their days follow from it. */
  let knownAt = 0;
  const ensurePartitions = async (rowTimes: readonly number[]) => {
    const missing = [...new Set(rowTimes.map((t) => dayOf(Math.max(t, knownAt))))].filter((d) => !ctx.partitionDays.has(d));
    if (missing.length === 0) return;
    const client = await ctx.pool.connect();
    try {
      // Serialized with appends and opens of every runner by the same lock open's DDL takes.
      await client.query('BEGIN');
      await client.query(DDL_LOCK);
      await ensureDayPartitions(client, missing);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
    for (const d of missing) ctx.partitionDays.add(d);
  };
  return async (group) => {
    const { params, each, rowTimes } = encodeGroup(ctx, group);
    for (let attempt = 1; ; attempt++) {
      await ensurePartitions(rowTimes);
      try {
        const row = (await ctx.pool.query<{ base: number; base_at: number }>(COMMIT, params)).rows[0];
        if (!row) throw new Error('The log_state row is missing.');
        const results = each.map((e) => ({ firstSeq: row.base + e.off + 1, lastSeq: row.base + e.off + e.n, recordedAt: Math.max(row.base_at, e.at) }));
        knownAt = Math.max(knownAt, results.at(-1)?.recordedAt ?? 0);
        return results;
      } catch (error) {
        if (!isMissingPartition(error) || attempt >= ATTEMPTS) throw error;
        // Another runner moved the recording time on (a later day), or purged a day away: look again.
        ctx.partitionDays.clear();
        const state = await ctx.pool.query<{ last_recorded_at: number }>('SELECT last_recorded_at FROM log_state WHERE id = 1');
        knownAt = Math.max(knownAt, state.rows[0]?.last_recorded_at ?? 0);
      }
    }
  };
}
