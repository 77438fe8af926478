// Redrive: dead letters sent again through the worker's normal rounds; accepted ones leave the queue.
import { createLogBatch, type DeadLetter } from '@outflow/core';
import { BatchJob } from './batch-job.js';
import { deliverPart } from './deliver-part.js';
import { appendHealth } from './health.js';
import { countStats } from './stats.js';
import type { BatchEnd, BatchSignals, WorkerContext } from './worker-context.js';

/** Dead letter ids a worker still has to send again, oldest first. */
export class RedriveQueue {
  private readonly ids = new Set<number>();

  add(ids: readonly number[]): void {
    for (const id of ids) this.ids.add(id);
  }

  get size(): number {
    return this.ids.size;
  }

  /** The next ids to send (ascending), removed from the queue. */
  take(max: number): number[] {
    const next = [...this.ids].sort((a, b) => a - b).slice(0, max);
    for (const id of next) this.ids.delete(id);
    return next;
  }

  putBack(ids: readonly number[]): void {
    this.add(ids);
  }
}

/** The stream's letters among `ids` that still exist (paging from the smallest id). */
async function loadLetters(ctx: WorkerContext, ids: readonly number[]): Promise<DeadLetter[]> {
  const wanted = new Set(ids);
  const last = ids[ids.length - 1] ?? 0;
  const found: DeadLetter[] = [];
  let after = (ids[0] ?? 1) - 1;
  while (after < last) {
    const page = await ctx.store.deadLetters.list(ctx.stream.id, { afterId: after, limit: 500 });
    if (page.length === 0) break;
    for (const l of page) if (wanted.has(l.id)) found.push(l);
    after = (page[page.length - 1] as DeadLetter).id;
  }
  return found;
}

/**
 * Sends up to one batch of queued dead letters (under the batch limits) through the worker's rounds,
 * then removes the accepted ones; a letter refused again is stored anew with the new error.
 * Letters of a redrive cut short (stop, suspension) stay queued in the store untouched.
 */
export async function redriveBatch(ctx: WorkerContext, queue: RedriveQueue, maxEvents: number, maxBytes: number, signals: BatchSignals): Promise<BatchEnd> {
  const ids = queue.take(maxEvents);
  let letters = await loadLetters(ctx, ids);
  let bytes = 0;
  const fits = letters.findIndex((l, i) => (bytes += Buffer.byteLength(l.raw)) > maxBytes && i > 0);
  if (fits > 0) {
    queue.putBack(letters.slice(fits).map((l) => l.id));
    letters = letters.slice(0, fits);
  }
  if (letters.length === 0) return 'done';
  const batch = createLogBatch({
    seqs: letters.map((l) => l.seq),
    logIds: letters.map((l) => l.logId),
    types: letters.map((l) => l.type),
    raws: letters.map((l) => Buffer.from(l.raw)),
  });
  // The stored text already had the stream's PII settings applied; it is sent as it is.
  const job = new BatchJob(batch, 0, ctx.committed.generation, ctx.stream);
  const end = await deliverPart(ctx, job, { batch, idx: letters.map((_, i) => i) }, signals);
  if (end !== 'done') {
    if (end === 'aborted') queue.putBack(letters.map((l) => l.id));
    return end;
  }
  const point = job.commitPoint();
  const delivered = point?.delivered ?? 0;
  const again = point?.letters ?? [];
  await ctx.store.deadLetters.remove(letters.map((l) => l.id));
  if (again.length > 0) await ctx.store.deadLetters.add(again);
  if (delivered > 0) {
    const { cursor, generation } = ctx.committed;
    await ctx.store.streams.commitDelivery(ctx.stream.id, { generation, cursor, delivered, at: ctx.clock.now() });
    await countStats(ctx, { delivered });
  }
  await appendHealth(ctx, {
    kind: 'redriven',
    count: delivered,
    message: `Redrive: ${delivered} of ${letters.length} dead ${letters.length === 1 ? 'letter was' : 'letters were'} delivered${again.length ? `; ${again.length} refused again (${again[0]?.message ?? ''})` : ''}.`,
  });
  ctx.logger.info({ events: letters.length, delivered, refused: again.length }, 'Dead letters were sent again.');
  return 'done';
}
