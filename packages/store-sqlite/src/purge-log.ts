// Retention: removes batches recorded before a time, moves behind cursors on, and deletes emptied segment files.
import type { NewHealthRecord, PurgeResult } from '@outflow/core';
import type { LogContext } from './log-context.js';

/** What purge needs of the stream and health tables (run inside its transaction). */
export interface PurgeHooks {
  cursors(): Array<{ id: string; tenant: string; cursor: number }>;
  moveCursor(id: string, cursor: number): void;
  addHealth(record: NewHealthRecord): void;
}

export function createPurge(ctx: LogContext, hooks: PurgeHooks): (before: number) => PurgeResult {
  const { index, state } = ctx;
  const run = index.transaction((before: number) => {
    // Recording times never go backwards, so the purged batches are a prefix of the log.
    const through = index.lastRecordedBefore(before);
    if (through === undefined) return null;
    const result: PurgeResult = { events: index.eventsThrough(through), streams: [] };
    const at = ctx.now();
    for (const s of hooks.cursors()) {
      const { n, last } = index.lost(s.tenant, s.cursor, through);
      if (n <= 0 || last === null) continue;
      hooks.moveCursor(s.id, last);
      hooks.addHealth({
        streamId: s.id,
        tenant: s.tenant,
        at,
        kind: 'events_lost',
        count: n,
        message: `${n} events passed the retention period before they were delivered; the stream moved on.`,
      });
      result.streams.push({ streamId: s.id, lost: n });
    }
    index.deleteThrough(through);
    index.setMeta('last_seq', state.lastSeq);
    index.setMeta('last_recorded_at', state.lastRecordedAt);
    return { through, result };
  });

  return (before) => {
    const done = run(before);
    if (!done) return { events: 0, streams: [] };
    ctx.cache.dropThrough(done.through);
    const oldest = index.oldest();
    const files = ctx.segments.list();
    ctx.segments.remove(oldest ? files.filter((id) => id < oldest.segment) : files);
    ctx.logger.info({ before, events: done.result.events, streams: done.result.streams.length }, 'Purged events past retention.');
    return done.result;
  };
}
