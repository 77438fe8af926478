// Tells the delivery observer (live tails) of accepted events; free when nobody watches the stream.
import type { LogBatch } from '@outflow/core';
import type { WorkerContext } from './worker-context.js';

/** The accepted events of `batch` (all, or those at `positions`) to the observer, when it watches the stream. */
export function observeDelivered(ctx: WorkerContext, batch: LogBatch, positions?: readonly number[]): void {
  const observer = ctx.observer;
  if (!observer) return;
  try {
    if (!observer.watching(ctx.stream.id)) return;
    observer.delivered(ctx.stream, positions ? batch.pick(positions) : batch);
  } catch (err) {
    ctx.logger.debug({ error: err instanceof Error ? err.message : String(err) }, 'The delivery observer failed; delivery goes on.');
  }
}
