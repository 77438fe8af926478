// Turns HTTP answers and thrown errors into delivery and health results; combines per-event results.
import {
  classifyHttpStatus, classifyNetworkError, DeliveryError, type DeliveryResult, type HealthResult, type HttpAnswer, type ItemFailure,
} from '@outflow/core';

type Failure = Extract<DeliveryResult, { status: 'retryable' | 'permanent' }>;

/** Result of one answered request. Redirects are not followed: the endpoint needs fixing. */
export function answerResult(answer: HttpAnswer, secrets: readonly string[], now: number): DeliveryResult {
  if (answer.status >= 300 && answer.status < 400) {
    return {
      status: 'permanent',
      error: new DeliveryError('config', `The destination redirected (HTTP ${answer.status}); Outflow does not follow redirects, so set httpEndpoint to the final URL.`, { status: answer.status }),
    };
  }
  return classifyHttpStatus(answer, secrets, now);
}


export function errorResult(err: unknown, secrets: readonly string[]): DeliveryResult {
  return classifyNetworkError(err, secrets);
}

export function closedError(): DeliveryError {
  return new DeliveryError('config', 'The connector is closed.');
}

export function closedResult(): DeliveryResult {
  return { status: 'permanent', error: closedError() };
}

function isFailure(r: DeliveryResult): r is Failure {
  return r.status === 'retryable' || r.status === 'permanent';
}

/**
 * Combines the results of JSONOBJECT's per-event requests. All accepted → success. All failed
 * the same way (status and error kind) → that result, with the longest Retry-After. Otherwise
 * `partial` naming each failed index.
 */
export function combineResults(results: readonly DeliveryResult[]): DeliveryResult {
  const failures: Array<{ index: number; result: Failure }> = [];
  results.forEach((result, index) => {
    if (isFailure(result)) failures.push({ index, result });
  });
  if (failures.length === 0) return { status: 'success' };
  const first = (failures[0] as { result: Failure }).result;
  const uniform = failures.every(({ result }) => result.status === first.status && result.error.kind === first.error.kind);
  if (failures.length === results.length && uniform) {
    if (first.status === 'permanent') return first;
    const waits = failures.map(({ result }) => (result.status === 'retryable' ? result.retryAfterMs : undefined)).filter((w): w is number => w !== undefined);
    return { status: 'retryable', error: first.error, retryAfterMs: waits.length ? Math.max(...waits) : undefined };
  }
  const failed: ItemFailure[] = failures.map(({ index, result }) => ({
    index,
    retryable: result.status === 'retryable',
    reason: result.error.message,
    status: result.error.details.status,
  }));
  return { status: 'partial', failed };
}

/** A HEAD answer as a health result: 2xx, 404, 405 and other non-auth 4xx mean reachable. */
export function healthFromAnswer(answer: HttpAnswer, secrets: readonly string[], now: number): HealthResult {
  const { status } = answer;
  if ((status >= 200 && status < 300) || status === 404 || status === 405) return { ok: true, message: `The endpoint answered HEAD with HTTP ${status}.` };
  const result = answerResult(answer, secrets, now);
  if (isFailure(result) && result.error.kind !== 'invalid') return { ok: false, error: result.error };
  return { ok: true, message: `The endpoint is reachable (HTTP ${status} to HEAD).` };
}

export function healthFromError(err: unknown, secrets: readonly string[]): HealthResult {
  const result = errorResult(err, secrets);
  return isFailure(result) ? { ok: false, error: result.error } : { ok: false, error: new DeliveryError('transient', 'The healthcheck failed.') };
}
