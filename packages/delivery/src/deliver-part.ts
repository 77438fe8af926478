// Delivers a part until it is resolved: rounds with growing backoff, bisection of refused payloads.
import type { DeliveryError } from '@outflow/core';
import { slicePart, type BatchJob, type Part } from './batch-job.js';
import { appendHealth, describeError, errorText } from './health.js';
import { backOff, runRound } from './round.js';
import { notify, observedStream } from './observer.js';
import { countStats } from './stats.js';
import type { BatchEnd, BatchSignals, WorkerContext } from './worker-context.js';

/** After a failed round: health record, suspension check; the delay before the next round, or 'suspended'. */
async function onRoundFailed(
  ctx: WorkerContext,
  part: Part,
  error: DeliveryError,
  attempts: number,
  retryAfterMs: number | undefined,
): Promise<number | 'suspended'> {
  const { store, stream, clock, options, failure } = ctx;
  const now = clock.now();
  failure.failing = true;
  const described = describeError(ctx, error, now);
  ctx.status.lastError = described;
  // The round backs off even when the store cannot note the failure (a full disk).
  const stored = await store.streams.recordFailure(stream.id, now).catch((err: unknown) => {
    ctx.logger.warn({ error: errorText(err, ctx.secrets) }, 'Recording the failed round in the stream state failed.');
    return null;
  });
  notify(ctx.observer, (o) => o.failed(observedStream(stream), part.batch.length));
  await countStats(ctx, { failed: part.batch.length, failedRounds: 1 });
  await appendHealth(ctx, {
    kind: 'delivery_failed',
    errorKind: described.kind,
    ...(described.status !== undefined ? { status: described.status } : {}),
    message: described.message,
    attempts,
    count: part.batch.length,
  });
  const failingSince = stored?.state.failingSince ?? now;
  const delay = ctx.backoff.roundFailed(now, retryAfterMs);
  ctx.logger.warn(
    { errorKind: described.kind, status: described.status, attempts, events: part.batch.length, failingSince, retryInMs: delay, error: described.message },
    'A delivery round failed; the round will be retried.',
  );
  if (failure.suspended) return 'suspended';
  if (now - failingSince >= options.suspendAfter) {
    failure.suspended = true;
    const reason = `Deliveries failed for ${spanText(now - failingSince)} in a row (last error: ${described.message})`;
    await store.streams.setStatus(stream.id, 'suspended', reason, now);
    await appendHealth(ctx, {
      kind: 'suspended',
      errorKind: described.kind,
      message: `The stream was suspended: ${reason}. Resume it once the destination is fixed.`,
    });
    ctx.logger.error({ failingSince, errorKind: described.kind }, 'The stream was suspended after failing for too long.');
    return 'suspended';
  }
  return delay;
}

/**
 * After a successful round: the failure run ends (a `recovered` record after failures). While
 * store writes fail, the store's error stays shown and its own `recovered` record comes later.
 */
async function onRoundSucceeded(ctx: WorkerContext): Promise<void> {
  const { failure } = ctx;
  if (!failure.failing) return;
  failure.failing = false;
  if (failure.store.writes) return;
  ctx.status.lastError = null;
  await appendHealth(ctx, { kind: 'recovered', message: 'The destination accepted events again.' });
  ctx.logger.info({}, 'Deliveries recovered.');
  // Ends the stored failure run now, even while other parts of the batch are still pending.
  const { cursor, generation } = ctx.committed;
  await ctx.store.streams.commitDelivery(ctx.stream.id, { generation, cursor, delivered: 0, at: ctx.clock.now() }).catch((err: unknown) => {
    ctx.logger.warn({ error: errorText(err, ctx.secrets) }, 'Clearing the failure state failed.');
  });
}

/**
 * Resolves every event of `part`: delivered, or dead-lettered when the destination refuses it for
 * good. Failed rounds repeat after a growing backoff until they succeed or the stream is suspended.
 */
export async function deliverPart(ctx: WorkerContext, job: BatchJob, part: Part, signals: BatchSignals): Promise<BatchEnd> {
  let pending = part;
  let retry = false;
  for (;;) {
    if (ctx.failure.suspended) return 'suspended';
    const outcome = await runRound(ctx, job, pending, signals, retry);
    switch (outcome.kind) {
      case 'aborted':
        return 'aborted';
      case 'done':
        await onRoundSucceeded(ctx);
        return 'done';
      case 'split':
        return split(ctx, job, outcome.part, outcome.error, signals);
      case 'failed': {
        pending = outcome.part;
        const next = await onRoundFailed(ctx, pending, outcome.error, outcome.attempts, outcome.retryAfterMs);
        if (next === 'suspended') return 'suspended';
        // Any success of the stream since the last attempt ends the wait: the destination is back.
        if (!(await backOff(ctx, next, signals.soft, outcome.since))) return 'aborted';
        retry = true;
      }
    }
  }
}

/** Bisects a refused part down to the events the destination refuses, which become dead letters. */
async function split(ctx: WorkerContext, job: BatchJob, part: Part, error: DeliveryError, signals: BatchSignals): Promise<BatchEnd> {
  if (part.batch.length <= 1) {
    const described = describeError(ctx, error, ctx.clock.now());
    job.markDead(part, [0], () => ({ errorKind: described.kind, status: described.status, message: described.message }), described.at);
    ctx.logger.info(
      { seq: part.batch.seqs[0], errorKind: described.kind, status: described.status },
      'The destination refused an event for good; it was moved to dead letters.',
    );
    return 'done';
  }
  ctx.logger.debug(
    { events: part.batch.length, status: error.details.status, tooLarge: error.details.tooLarge === true },
    'The destination refused the batch; splitting it.',
  );
  const mid = Math.ceil(part.batch.length / 2);
  for (const half of [slicePart(part, 0, mid), slicePart(part, mid)]) {
    if (signals.soft.aborted) return 'aborted';
    const end = await deliverPart(ctx, job, half, signals);
    if (end !== 'done') return end;
  }
  return 'done';
}

/** A failing span in the largest unit it fills, to one decimal ("7 days", "1.5 hours", "4 seconds"). */
export function spanText(ms: number): string {
  for (const [unit, size] of [
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000],
  ] as const) {
    if (ms >= size) {
      const n = Math.round((ms / size) * 10) / 10;
      return `${n} ${unit}${n === 1 ? '' : 's'}`;
    }
  }
  const s = Math.round(ms / 100) / 10;
  return `${s} second${s === 1 ? '' : 's'}`;
}
