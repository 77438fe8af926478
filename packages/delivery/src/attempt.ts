// One attempt: the connector's send with a per-attempt timeout, abortable by the worker.
import { classifyNetworkError, DeliveryError, isDeliveryError, type DeliveryResult, type LogBatch } from '@outflow/core';
import { notify, observedStream } from './observer.js';
import type { WorkerContext } from './worker-context.js';

export type AttemptOutcome = DeliveryResult | { status: 'aborted' };

const STATUSES = new Set(['success', 'partial', 'retryable', 'permanent']);

/** A connector that breaks the contract (no result, unknown status) gets a retryable outcome. */
function checkResult(result: unknown): DeliveryResult {
  const r = result as DeliveryResult | undefined;
  if (!r || typeof r !== 'object' || !STATUSES.has(r.status)) {
    return { status: 'retryable', error: new DeliveryError('transient', 'The connector returned no valid delivery result.') };
  }
  if ((r.status === 'retryable' || r.status === 'permanent') && !isDeliveryError(r.error)) {
    const message = (r.error as { message?: unknown } | undefined)?.message;
    const error = new DeliveryError(r.status === 'retryable' ? 'transient' : 'invalid', typeof message === 'string' ? message : 'The delivery failed.');
    return r.status === 'retryable' ? { status: 'retryable', error, retryAfterMs: r.retryAfterMs } : { status: 'permanent', error };
  }
  if (r.status === 'partial' && !Array.isArray(r.failed)) {
    return { status: 'retryable', error: new DeliveryError('transient', 'The connector returned a partial result without failed items.') };
  }
  return r;
}

/**
 * Sends once. Resolves `aborted` when `hard` aborts first (the outcome is unknown, so nothing is
 * resolved), and a retryable timeout when `attemptTimeout` passes first.
 */
export async function attemptSend(ctx: WorkerContext, batch: LogBatch, hard: AbortSignal): Promise<AttemptOutcome> {
  if (hard.aborted) return { status: 'aborted' };
  const { clock, options, status } = ctx;
  const controller = new AbortController();
  let settle!: (outcome: AttemptOutcome) => void;
  const guard = new Promise<AttemptOutcome>((resolve) => (settle = resolve));
  const timer = clock.setTimeout(() => {
    const error = new DeliveryError('transient', `The attempt timed out after ${options.attemptTimeout} ms.`);
    controller.abort(error);
    settle({ status: 'retryable', error });
  }, options.attemptTimeout);
  const onAbort = () => {
    controller.abort(hard.reason);
    settle({ status: 'aborted' });
  };
  hard.addEventListener('abort', onAbort, { once: true });
  status.requestStarted();
  const started = clock.now();
  let outcome: AttemptOutcome['status'] = 'aborted';
  try {
    const sent = Promise.resolve()
      .then(() => ctx.connector.send(batch, controller.signal))
      .then(checkResult, (err: unknown) => classifyNetworkError(err, ctx.secrets));
    const result = await Promise.race([sent, guard]);
    outcome = result.status;
    return result;
  } finally {
    status.requestEnded();
    const ms = clock.now() - started;
    notify(ctx.observer, (o) => o.attempt(observedStream(ctx.stream), ms, outcome));
    clock.clearTimeout(timer);
    hard.removeEventListener('abort', onAbort);
  }
}
