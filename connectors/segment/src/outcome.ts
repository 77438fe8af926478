// Classifies why Segment events were not delivered and combines them into one DeliveryResult.
import { classifyHttpStatus, classifyNetworkError, DeliveryError, redactText, type DeliveryResult, type ItemFailure } from '@outflow/core';
import { EventTooLargeError, NoOutcomeError } from './publish.js';
import { SegmentAnswerError } from './transport.js';

type Failure = Extract<DeliveryResult, { status: 'retryable' | 'permanent' }>;

export function closedError(): DeliveryError {
  return new DeliveryError('config', 'The connector is closed.');
}

/** A network error's code along the cause chain. */
function networkCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    if ((e as { name?: unknown }).name === 'AbortError' || (e as { name?: unknown }).name === 'TimeoutError') return 'ABORT_ERR';
  }
  return undefined;
}

/** The failure one reason stands for: an HTTP answer, a refusal by the client, or a network error (not kept, only its code). */
export function reasonFailure(reason: unknown, secrets: readonly string[]): Failure {
  if (reason instanceof SegmentAnswerError) return classifyHttpStatus(reason.answer, secrets) as Failure;
  if (reason instanceof NoOutcomeError) return { status: 'retryable', error: new DeliveryError('transient', reason.message) };
  const message = redactText(reason instanceof Error ? reason.message : String(reason), secrets);
  if (reason instanceof EventTooLargeError || /exceeds maximum event size/i.test(message)) {
    return { status: 'permanent', error: new DeliveryError('invalid', 'The event is larger than Segment\'s 32 KB per event.', { tooLarge: true }) };
  }
  if ((reason as { name?: unknown } | undefined)?.name === 'ValidationError') {
    return { status: 'permanent', error: new DeliveryError('invalid', `The Segment client refused the event: ${message}`) };
  }
  const code = networkCode(reason);
  const result = classifyNetworkError(Object.assign(new Error(message), code ? { code } : {}), secrets) as Failure;
  return { ...result, error: new DeliveryError(result.error.kind, result.error.message, result.error.details) };
}

/**
 * No failures → success. Every event failed the same way (the usual case: one request) → that
 * result. Otherwise `partial`: events refused as invalid are not retryable, all others are.
 */
export function combineFailures(count: number, reasons: ReadonlyMap<number, unknown>, secrets: readonly string[]): DeliveryResult {
  if (reasons.size === 0) return { status: 'success' };
  const failed = [...reasons].map(([index, reason]) => ({ index, failure: reasonFailure(reason, secrets) })).sort((a, b) => a.index - b.index);
  const first = (failed[0] as (typeof failed)[number]).failure;
  const uniform = failed.every(({ failure }) => failure.status === first.status && failure.error.kind === first.error.kind && failure.error.details.status === first.error.details.status);
  if (failed.length === count && uniform) {
    if (first.status === 'permanent') return first;
    const waits = failed.map(({ failure }) => (failure.status === 'retryable' ? failure.retryAfterMs : undefined)).filter((w): w is number => w !== undefined);
    return { ...first, retryAfterMs: waits.length ? Math.max(...waits) : undefined };
  }
  const items: ItemFailure[] = failed.map(({ index, failure }) => ({
    index,
    retryable: failure.status === 'retryable' || failure.error.kind !== 'invalid',
    reason: failure.error.message,
    status: failure.error.details.status,
  }));
  return { status: 'partial', failed: items };
}
