// Tells the delivery tap (live tails) of accepted events; free when nobody watches the stream.
import type { LogBatch } from '@outflow/core';
import type { WorkerContext } from './worker-context.js';

/** The accepted events of `batch` (all, or those at `positions`) to the tap, when it watches the stream. */
export function observeDelivered(ctx: WorkerContext, batch: LogBatch, positions?: readonly number[]): void {
  const tap = ctx.tap;
  if (!tap) return;
  try {
    if (!tap.watching(ctx.stream.id)) return;
    tap.delivered(ctx.stream, positions ? batch.pick(positions) : batch);
  } catch (err) {
    ctx.logger.debug({ error: err instanceof Error ? err.message : String(err) }, 'The delivery tap failed; delivery goes on.');
  }
}
