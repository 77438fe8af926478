// One delivery round: up to attemptsPerRound attempts with jittered backoff, retrying only what failed.
import { DeliveryError, redactText, sleep } from '@outflow/core';
import { attemptSend } from './attempt.js';
import { attemptDelay } from './backoff.js';
import { pickPart, type BatchJob, type Part } from './batch-job.js';
import { describeError } from './health.js';
import { linkSignals } from './linked-signal.js';
import { observeDelivered } from './observe.js';
import { notify, observedStream } from './observer.js';
import type { BatchSignals, WorkerContext } from './worker-context.js';

export type RoundOutcome =
  | { kind: 'done' }
  | { kind: 'aborted' }
  /** The destination refused the payload for good (invalid or too large): split it. */
  | { kind: 'split'; part: Part; error: DeliveryError }
  /** Every attempt failed retryably, or the credentials or config were refused. `since`: the stream's successes before the last attempt. */
  | { kind: 'failed'; part: Part; error: DeliveryError; attempts: number; retryAfterMs?: number | undefined; since: number };

/**
 * Waits on the worker's clock, showing the backoff in the status; false when stopped meanwhile.
 * With `since` (the stream's success count before the failed attempt), a success of the stream
 * after it ends the wait early with true.
 */
export async function backOff(ctx: WorkerContext, ms: number, signal: AbortSignal, since?: number): Promise<boolean> {
  if (signal.aborted) return false;
  if (since !== undefined && ctx.backoff.successes !== since) return true;
  const link = since !== undefined ? linkSignals(signal, ctx.backoff.wakeSignal()) : null;
  const done = ctx.status.backingOff(ctx.clock.now() + ms);
  try {
    await sleep(ctx.clock, ms, link ? link.signal : signal);
    return true;
  } catch {
    return !signal.aborted;
  } finally {
    done();
    link?.dispose();
  }
}

/** Applies a partial result: accepted events resolve, non-retryable ones become dead letters. */
function applyPartial(
  ctx: WorkerContext,
  job: BatchJob,
  part: Part,
  failed: ReadonlyArray<{ index: number; retryable: boolean; reason: string; status?: number | undefined }>,
): Part {
  const byPosition = new Map<number, (typeof failed)[number]>();
  for (const f of failed) if (Number.isInteger(f.index) && f.index >= 0 && f.index < part.batch.length) byPosition.set(f.index, f);
  const accepted: number[] = [];
  const dead: number[] = [];
  const retry: number[] = [];
  for (let p = 0; p < part.batch.length; p++) {
    const f = byPosition.get(p);
    if (!f) accepted.push(p);
    else if (f.retryable) retry.push(p);
    else dead.push(p);
  }
  job.markDelivered(accepted.map((p) => part.idx[p] as number));
  if (accepted.length > 0) observeDelivered(ctx, part.batch, accepted);
  if (accepted.length > 0)
    notify(ctx.observer, (o) => o.accepted(observedStream(ctx.stream), accepted.length, part.batch.seqs[accepted[0] as number] as number));
  if (dead.length > 0) {
    job.markDead(
      part,
      dead,
      (p) => {
        const f = byPosition.get(p);
        return { errorKind: 'invalid', status: f?.status, message: redactText(f?.reason ?? 'The destination refused the event.', ctx.secrets) };
      },
      ctx.clock.now(),
    );
  }
  return pickPart(part, retry);
}

/** `retry`: the part failed a round before, so its first attempt is a retry too. */
export async function runRound(ctx: WorkerContext, job: BatchJob, part: Part, signals: BatchSignals, retry = false): Promise<RoundOutcome> {
  const { attemptsPerRound } = ctx.options;
  let pending = part;
  // Built only when an attempt fails: an Error captures a stack trace, too dear for every round.
  let lastError: DeliveryError | undefined;
  let retryAfterMs: number | undefined;
  // The stream's successes before the attempt: a success meanwhile ends the wait after it.
  let since = ctx.backoff.successes;
  for (let attempt = 1; attempt <= attemptsPerRound; attempt++) {
    if (signals.soft.aborted) return { kind: 'aborted' };
    if (attempt > 1) {
      const delay = attemptDelay(attempt - 1, retryAfterMs, ctx.options, ctx.random);
      if (!(await backOff(ctx, delay, signals.soft, since))) return { kind: 'aborted' };
    }
    since = ctx.backoff.successes;
    if (attempt > 1 || retry) notify(ctx.observer, (o) => o.retried(observedStream(ctx.stream), pending.batch.length));
    const result = await attemptSend(ctx, pending.batch, signals.hard);
    retryAfterMs = undefined;
    switch (result.status) {
      case 'aborted':
        return { kind: 'aborted' };
      case 'success':
        job.markDelivered(pending.idx);
        observeDelivered(ctx, pending.batch);
        notify(ctx.observer, (o) => o.accepted(observedStream(ctx.stream), pending.batch.length, pending.batch.seqs[0] as number));
        ctx.backoff.succeeded();
        return { kind: 'done' };
      case 'partial': {
        const before = pending.batch.length;
        // Some events were accepted: the stream's backoff ends and other batches wake; this one
        // still waits before retrying the rest (its own success does not count).
        if (result.failed.length < before) {
          ctx.backoff.succeeded();
          since = ctx.backoff.successes;
        }
        pending = applyPartial(ctx, job, pending, result.failed);
        if (pending.batch.length === 0) return { kind: 'done' };
        const first = result.failed.find((f) => f.retryable);
        lastError = new DeliveryError(
          'transient',
          `The destination refused ${pending.batch.length} of ${before} events for now${first ? `: ${first.reason}` : '.'}`,
          { status: first?.status },
        );
        break;
      }
      case 'retryable':
        lastError = result.error;
        retryAfterMs = result.retryAfterMs;
        break;
      case 'permanent':
        if (result.error.kind === 'invalid' || result.error.details.tooLarge) return { kind: 'split', part: pending, error: result.error };
        return { kind: 'failed', part: pending, error: result.error, attempts: attempt, since };
    }
    ctx.status.lastError = describeError(ctx, lastError, ctx.clock.now());
    ctx.logger.debug({ attempt, errorKind: lastError.kind, status: lastError.details.status, events: pending.batch.length }, 'A delivery attempt failed.');
  }
  return {
    kind: 'failed',
    part: pending,
    error: lastError ?? new DeliveryError('transient', 'The delivery was not attempted.'),
    attempts: attemptsPerRound,
    retryAfterMs,
    since,
  };
}
