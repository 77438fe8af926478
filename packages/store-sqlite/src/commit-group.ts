// Commits a group of appends: assigns sequence numbers, writes the lines to the segment, then indexes them in one transaction.
import type { AppendResult } from '@outflow/core';
import { encodeColumns } from '@outflow/store-kit';
import type { NewIndexRow } from './batch-index.js';
import type { PendingAppend } from './group-commit.js';
import type { LogContext } from './log-context.js';

export type GroupCommitter = (group: readonly PendingAppend[]) => AppendResult[];

export function createCommitter(ctx: LogContext): GroupCommitter {
  const insertAll = ctx.index.transaction((rows: readonly NewIndexRow[]) => {
    for (const row of rows) ctx.index.insert(row);
  });

  return (group) => {
    const { state } = ctx;
    let seq = state.lastSeq;
    let at = state.lastRecordedAt;
    const results: AppendResult[] = [];
    const rows: NewIndexRow[] = [];
    const stored: PendingAppend['batch'][] = [];
    const buffers: Buffer[] = [];
    let total = 0;
    for (const { batch, recordedAt } of group) {
      at = Math.max(at, recordedAt ?? ctx.now());
      const n = batch.ends.length;
      results.push({ firstSeq: seq + 1, lastSeq: seq + n, recordedAt: at });
      if (n === 0) continue;
      rows.push({
        firstSeq: seq + 1,
        lastSeq: seq + n,
        tenant: batch.tenant,
        recordedAt: at,
        segment: 0,
        offset: total,
        length: batch.lines.length,
        columns: encodeColumns(batch),
      });
      stored.push(batch);
      buffers.push(batch.lines);
      total += batch.lines.length;
      seq += n;
    }
    if (rows.length > 0) {
      // The bytes go first: an index row never points at bytes that are not written.
      const place = ctx.segments.append(state.lastSeq + 1, buffers, total);
      for (const row of rows) {
        row.segment = place.segment;
        row.offset += place.offset;
      }
      try {
        insertAll(rows);
      } catch (error) {
        ctx.segments.truncate(place.segment, place.offset);
        throw error;
      }
      rows.forEach((row, i) => {
        const batch = stored[i] as PendingAppend['batch'];
        ctx.cache.set(row.firstSeq, { lines: batch.lines, ends: batch.ends, types: batch.types, logIds: batch.logIds });
      });
    }
    state.lastSeq = seq;
    state.lastRecordedAt = at;
    return results;
  };
}
