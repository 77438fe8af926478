// Store failures of a worker (a full disk, a lost database): growing backoff like a failing destination, noted in health and status.
import { roundDelay } from './backoff.js';
import { appendHealth, errorText } from './health.js';
import type { WorkerContext } from './worker-context.js';

export type StoreOp = 'read' | 'write';

/** The error's message, redacted, led by its code (`ENOSPC`, `SQLITE_FULL`) when the message lacks it. */
export function storeCause(err: unknown, secrets: readonly string[]): string {
  const text = errorText(err, secrets);
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code !== '' && !text.includes(code) ? `${code}: ${text}` : text;
}

/**
 * Notes a failed store operation (`what` names it, e.g. "Recording delivery progress") and answers
 * the delay before trying again: the round backoff, growing with each failure in a row. Health
 * gets a `delivery_failed` record of kind `store` when it can be written; the worker status always
 * shows the error.
 */
export async function storeFailed(ctx: WorkerContext, what: string, op: StoreOp, err: unknown): Promise<number> {
  const { failure, options, clock } = ctx;
  failure.store.failures++;
  if (op === 'write') failure.store.writes = true;
  const delay = roundDelay(failure.store.failures, undefined, options);
  const cause = storeCause(err, ctx.secrets);
  const message = `${what} failed: ${cause}. Trying again in ${Math.round(delay / 1000)} s.`;
  ctx.status.lastError = { kind: 'store', message, at: clock.now() };
  ctx.logger.error({ error: cause, failures: failure.store.failures, retryInMs: delay }, `${what} failed; trying again later.`);
  await appendHealth(ctx, { kind: 'delivery_failed', errorKind: 'store', message });
  return delay;
}

/**
 * A store operation worked. A successful write ends a run of store failures (a `recovered`
 * record); a read ends only a run of failed reads, since reads work on a full disk.
 */
export async function storeWorked(ctx: WorkerContext, op: StoreOp): Promise<void> {
  const { store } = ctx.failure;
  if (store.failures === 0 || (op === 'read' && store.writes)) return;
  store.failures = 0;
  store.writes = false;
  if (!ctx.failure.failing && ctx.status.lastError?.kind === 'store') ctx.status.lastError = null;
  await appendHealth(ctx, { kind: 'recovered', message: 'The store works again: delivery progress is recorded.' });
  ctx.logger.info({}, 'The store works again.');
}
