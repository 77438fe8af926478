// A read batch from the log to resolution: oversized events out, PII applied, then delivered.
import { pickPart, type BatchJob, type Part } from './batch-job.js';
import { deliverPart } from './deliver-part.js';
import type { BatchEnd, BatchSignals, WorkerContext } from './worker-context.js';

/** Events too large for the destination go to dead letters before anything is sent. */
function dropOversized(ctx: WorkerContext, job: BatchJob, part: Part): Part {
  const max = ctx.limits.maxEventBytes;
  const keep: number[] = [];
  const over: number[] = [];
  for (let p = 0; p < part.batch.length; p++) (part.batch.raw(p).length > max ? over : keep).push(p);
  if (over.length === 0) return part;
  job.markDead(part, over, (p) => ({
    errorKind: 'invalid',
    message: `The event is ${part.batch.raw(p).length} bytes, above the destination's limit of ${max} bytes per event (maxEventBytes).`,
  }), ctx.clock.now());
  ctx.logger.info({ events: over.length, maxEventBytes: max }, 'Events above the destination size limit were moved to dead letters.');
  return pickPart(part, keep);
}

/** Applies the stream's pii_config; events that cannot be parsed become dead letters. */
function applyPii(ctx: WorkerContext, job: BatchJob, part: Part): Part {
  if (!ctx.transform) return part;
  const { batch, kept, unreadable } = ctx.transform(part.batch);
  if (unreadable.length > 0) {
    job.markDead(part, unreadable, () => ({ errorKind: 'invalid', message: 'The stored event is not valid JSON, so its PII could not be removed.' }), ctx.clock.now());
    ctx.logger.warn({ events: unreadable.length }, 'Stored events could not be parsed for PII removal and were moved to dead letters.');
  }
  return { batch, idx: kept.map((p) => part.idx[p] as number) };
}

export async function processBatch(ctx: WorkerContext, job: BatchJob, signals: BatchSignals): Promise<BatchEnd> {
  if (job.length === 0) return 'done';
  const all: Part = { batch: job.read, idx: Array.from({ length: job.length }, (_, i) => i) };
  const part = applyPii(ctx, job, dropOversized(ctx, job, all));
  if (part.batch.length === 0) return 'done';
  return deliverPart(ctx, job, part, signals);
}
