// Records a resolved batch (or prefix): dead letters first, then the cursor, in read order.
import type { BatchJob, CommitPoint } from './batch-job.js';
import { appendHealth, errorText } from './health.js';
import { notify, observedStream } from './observer.js';
import { countStats } from './stats.js';
import type { WorkerContext } from './worker-context.js';

/**
 * False when the stream's generation moved on (a replay): the commit was ignored. Throws when the
 * store fails; the steps written before the failure are noted in `point`, and a retry skips them.
 */
export async function commitPoint(ctx: WorkerContext, generation: number, point: CommitPoint): Promise<boolean> {
  const { store, stream, clock, logger } = ctx;
  const { letters } = point;
  if (letters.length > 0 && !point.written?.lettersCounted) {
    const written = (point.written ??= {});
    if (!written.letters) {
      await store.deadLetters.add(letters);
      written.letters = true;
    }
    await store.streams.addDeadLettered(stream.id, letters.length);
    written.lettersCounted = true;
    notify(ctx.observer, (o) => o.deadLettered(observedStream(stream), letters.length));
    const first = letters[0];
    await appendHealth(ctx, {
      kind: 'dead_lettered',
      ...(first ? { errorKind: first.errorKind, ...(first.status !== undefined ? { status: first.status } : {}) } : {}),
      count: letters.length,
      message: `${letters.length} ${letters.length === 1 ? 'event was' : 'events were'} moved to dead letters: ${first?.message ?? ''}`.trim(),
    });
    logger.warn(
      { events: letters.length, errorKind: first?.errorKind, status: first?.status },
      'Events the destination refused for good were moved to dead letters.',
    );
  }
  const ok = await store.streams.commitDelivery(stream.id, { generation, cursor: point.cursor, delivered: point.delivered, at: clock.now() });
  if (ok) {
    await countStats(ctx, { delivered: point.delivered, deadLettered: letters.length });
    ctx.committed.cursor = Math.max(ctx.committed.cursor, point.cursor);
    if (point.delivered > 0) logger.debug({ cursor: point.cursor, events: point.delivered }, 'The destination accepted a batch.');
  } else {
    logger.info({ cursor: point.cursor, generation }, 'The stream was replayed meanwhile; continuing from its new cursor.');
  }
  return ok;
}

/** A batch of the worker's queue as the last commits see it; `point` is kept by a commit waiting for the store. */
export interface QueuedBatch {
  job: BatchJob;
  end: string;
  point?: CommitPoint | null;
}

/**
 * When the worker ends: one last try for resolved batches whose commit waited for the store, then
 * for a batch cut short, which keeps what it resolved (the cursor moves over its resolved prefix).
 */
export async function commitOnStop(ctx: WorkerContext, queue: readonly QueuedBatch[]): Promise<void> {
  for (const entry of queue) {
    const done = entry.end === 'done';
    const point = done && entry.point !== undefined ? entry.point : entry.job.commitPoint();
    try {
      if (point && !(await commitPoint(ctx, entry.job.generation, point))) return;
    } catch (err) {
      ctx.logger.error({ error: errorText(err, ctx.secrets) }, 'Committing the delivered part of a batch failed.');
      return;
    }
    if (!done) return;
  }
}
