// A read batch from the log to resolution: oversized events out, PII applied, then delivered.
import { allIndices } from '@outflow/core';
import { pickPart, type BatchJob, type Part } from './batch-job.js';
import { deliverPart } from './deliver-part.js';
import type { BatchEnd, BatchSignals, WorkerContext } from './worker-context.js';

/** Events too large for the destination go to dead letters before anything is sent. */
function dropOversized(ctx: WorkerContext, job: BatchJob, part: Part): Part {
  const max = ctx.limits.maxEventBytes;
  const { batch } = part;
  let p = 0;
  while (p < batch.length && batch.rawLength(p) <= max) p++;
  // The common case, nothing oversized, allocates nothing.
  if (p === batch.length) return part;
  const keep: number[] = [];
  const over: number[] = [];
  for (p = 0; p < batch.length; p++) (batch.rawLength(p) > max ? over : keep).push(p);
  job.markDead(
    part,
    over,
    (p) => ({
      errorKind: 'invalid',
      message: `The event is ${batch.rawLength(p)} bytes, above the destination's limit of ${max} bytes per event (maxEventBytes).`,
    }),
    ctx.clock.now(),
  );
  ctx.logger.info({ events: over.length, maxEventBytes: max }, 'Events above the destination size limit were moved to dead letters.');
  return pickPart(part, keep);
}

/** Applies the stream's pii_config; events that cannot be parsed become dead letters. */
function applyPii(ctx: WorkerContext, job: BatchJob, part: Part): Part {
  if (!ctx.transform) return part;
  const { batch, kept, unreadable } = ctx.transform(part.batch);
  if (unreadable.length > 0) {
    job.markDead(
      part,
      unreadable,
      () => ({ errorKind: 'invalid', message: 'The stored event is not valid JSON, so its PII could not be removed.' }),
      ctx.clock.now(),
    );
    ctx.logger.warn({ events: unreadable.length }, 'Stored events could not be parsed for PII removal and were moved to dead letters.');
  }
  return { batch, idx: kept.map((p) => part.idx[p] as number) };
}

export async function processBatch(ctx: WorkerContext, job: BatchJob, signals: BatchSignals): Promise<BatchEnd> {
  if (job.length === 0) return 'done';
  const all: Part = { batch: job.read, idx: allIndices(job.length) };
  const part = applyPii(ctx, job, dropOversized(ctx, job, all));
  if (part.batch.length === 0) return 'done';
  return deliverPart(ctx, job, part, signals);
}
