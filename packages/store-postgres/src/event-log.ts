// The event log on PostgreSQL: append (group commit), read, seek, bounds, count, recordedAt, purge and commit notifications.
import type { AppendResult, EventFilter, EventLog, PreparedBatch } from '@outflow/core';
import { createCommitter } from './append-batches.js';
import { decodeNames, createCommitListeners, queueAppend } from '@outflow/store-kit';
import { createGroupCommit } from './group-commit.js';
import type { LogContext } from './log-context.js';
import { createPurge } from './purge-log.js';
import { readEvents } from './read-events.js';

export interface PostgresEventLog extends EventLog {
  /** Tells listeners about another runner's commit (from the commit listener). */
  notifyRemote(tenant: string, lastSeq: number): void;
  /** Waits for queued appends and refuses new ones (close). */
  shutdown(): Promise<void>;
}

const SEEK = `SELECT COALESCE(
    (SELECT t.first_seq - 1 FROM batches t WHERE t.tenant = $1 AND t.last_seq >= (
       SELECT r.first_seq FROM batches r WHERE r.recorded_at >= $2 ORDER BY r.recorded_at, r.first_seq LIMIT 1)
     ORDER BY t.last_seq LIMIT 1),
    (SELECT last_seq FROM log_state WHERE id = 1)) AS cursor`;
const BOUNDS = `SELECT (SELECT first_seq FROM batches WHERE tenant = $1 ORDER BY last_seq LIMIT 1) AS first_seq, l.last_seq, l.recorded_at
  FROM (SELECT last_seq, recorded_at FROM batches WHERE tenant = $1 ORDER BY last_seq DESC LIMIT 1) l`;
const COUNT = `SELECT COALESCE(SUM(LEAST(last_seq, $3) - GREATEST(first_seq, $2 + 1) + 1), 0)::bigint AS n FROM batches
  WHERE tenant = $1 AND last_seq > $2 AND first_seq <= $3`;
const TYPES_IN = `SELECT first_seq, last_seq, types, encoding FROM batches
  WHERE tenant = $1 AND last_seq > $2 AND first_seq <= $3 ORDER BY last_seq`;
const CONTAINING = 'SELECT last_seq, recorded_at FROM batches WHERE first_seq <= $1 ORDER BY first_seq DESC LIMIT 1';
// Queries are named (prepared once per connection): with ~31 day partitions, planning an
// unnamed query costs milliseconds each time; a prepared one soon runs on its cached generic plan
// (re-planned by PostgreSQL itself after a partition is made or dropped).

export function createEventLog(ctx: LogContext): PostgresEventLog {
  const { pool } = ctx;
  const listeners = createCommitListeners(ctx.logger);
  let closed = false;
  const group = createGroupCommit(createCommitter(ctx), listeners.committed);

  const countMatching = async (tenant: string, afterSeq: number, uptoSeq: number, filter: EventFilter) => {
    const { rows } = await pool.query<{ first_seq: number; last_seq: number; types: string; encoding: number }>({
      name: 'outflow_types_in',
      text: TYPES_IN,
      values: [tenant, afterSeq, uptoSeq],
    });
    let n = 0;
    for (const row of rows) {
      const types = decodeNames(row.types, row.encoding);
      const to = Math.min(uptoSeq, row.last_seq);
      for (let seq = Math.max(afterSeq + 1, row.first_seq); seq <= to; seq++) if (filter.matches(types[seq - row.first_seq] as string)) n++;
    }
    return n;
  };

  return {
    append: (batch: PreparedBatch, recordedAt?: number): Promise<AppendResult> => queueAppend(closed, batch, recordedAt, group.enqueue),
    read: (query) => readEvents(ctx, query),
    async seek(tenant, time) {
      return (await pool.query<{ cursor: number }>({ name: 'outflow_seek', text: SEEK, values: [tenant, time] })).rows[0]?.cursor ?? 0;
    },
    async bounds(tenant) {
      const row = (await pool.query<{ first_seq: number; last_seq: number; recorded_at: number }>({ name: 'outflow_bounds', text: BOUNDS, values: [tenant] }))
        .rows[0];
      if (!row) return { firstSeq: 0, lastSeq: 0, lastRecordedAt: null };
      return { firstSeq: row.first_seq, lastSeq: row.last_seq, lastRecordedAt: row.recorded_at };
    },
    async count(tenant, afterSeq, uptoSeq = Number.MAX_SAFE_INTEGER, filter = null) {
      if (uptoSeq <= afterSeq) return 0;
      if (filter) return countMatching(tenant, afterSeq, uptoSeq, filter);
      return (await pool.query<{ n: number }>({ name: 'outflow_count', text: COUNT, values: [tenant, afterSeq, uptoSeq] })).rows[0]?.n ?? 0;
    },
    async recordedAt(seq) {
      if (seq < 1) return null;
      const row = (await pool.query<{ last_seq: number; recorded_at: number }>({ name: 'outflow_containing', text: CONTAINING, values: [seq] })).rows[0];
      return row && row.last_seq >= seq ? row.recorded_at : null;
    },
    purge: createPurge(ctx),
    subscribe: listeners.subscribe,
    notifyRemote: listeners.notify,
    async shutdown() {
      closed = true;
      await group.drain();
      listeners.clear();
    },
  };
}
