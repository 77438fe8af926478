// The event log over segment files and the batch index: append (group commit), read, seek, bounds, count, purge.
import type { AppendResult, EventFilter, EventLog, PreparedBatch, PurgeResult } from '@outflow/core';
import { decodeNames, createCommitListeners, queueAppend } from '@outflow/store-kit';
import { createCommitter } from './commit-group.js';
import { createGroupCommit } from './group-commit.js';
import type { LogContext } from './log-context.js';
import { readEvents } from './read-events.js';

export interface SqliteEventLog extends EventLog {
  /** Commits queued appends now and refuses new ones (close). */
  shutdown(): void;
}

export function createEventLog(ctx: LogContext, purge: (before: number) => PurgeResult): SqliteEventLog {
  const { index, state } = ctx;
  const listeners = createCommitListeners(ctx.logger);
  let closed = false;
  const group = createGroupCommit(createCommitter(ctx), listeners.committed);

  const countMatching = (tenant: string, afterSeq: number, uptoSeq: number, filter: EventFilter) => {
    let n = 0;
    for (const row of index.typesIn(tenant, afterSeq, uptoSeq)) {
      const types = ctx.cache.get(row.first_seq)?.types ?? decodeNames(row.types, row.encoding);
      const from = Math.max(afterSeq + 1, row.first_seq);
      const to = Math.min(uptoSeq, row.last_seq);
      for (let seq = from; seq <= to; seq++) if (filter.matches(types[seq - row.first_seq] as string)) n++;
    }
    return n;
  };

  return {
    append: (batch: PreparedBatch, recordedAt?: number): Promise<AppendResult> => queueAppend(closed, batch, recordedAt, group.enqueue),
    read: async (query) => readEvents(ctx, query),
    async seek(tenant, time) {
      const first = index.firstRecordedAt(time);
      const mine = first === undefined ? undefined : index.tenantFrom(tenant, first);
      return mine === undefined ? state.lastSeq : mine - 1;
    },
    async bounds(tenant) {
      const last = index.tenantLast(tenant);
      if (!last) return { firstSeq: 0, lastSeq: 0, lastRecordedAt: null };
      return { firstSeq: index.tenantFirst(tenant) ?? 0, lastSeq: last.last_seq, lastRecordedAt: last.recorded_at };
    },
    async count(tenant, afterSeq, uptoSeq = Number.MAX_SAFE_INTEGER, filter = null) {
      if (uptoSeq <= afterSeq) return 0;
      return filter ? countMatching(tenant, afterSeq, uptoSeq, filter) : index.count(tenant, afterSeq, uptoSeq);
    },
    async recordedAt(seq) {
      const row = seq >= 1 ? index.containing(seq) : undefined;
      return row && row.last_seq >= seq ? row.recorded_at : null;
    },
    purge: async (before) => purge(before),
    subscribe: listeners.subscribe,
    shutdown() {
      group.flush();
      closed = true;
      listeners.clear();
    },
  };
}
