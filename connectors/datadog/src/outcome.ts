// Turns Datadog's answers and thrown errors into delivery and health results.
import {
  classifyHttpStatus, classifyNetworkError, DeliveryError, type DeliveryResult, type HealthResult, type HttpAnswer,
} from '@outflow/core';

type Failure = Extract<DeliveryResult, { status: 'retryable' | 'permanent' }>;

const isFailure = (r: DeliveryResult): r is Failure => r.status === 'retryable' || r.status === 'permanent';

/**
 * Datadog's rate limit answers carry `X-RateLimit-Reset` (seconds until the window resets)
 * rather than `Retry-After`; either one sets `retryAfterMs`. Redirects are not followed; 3xx, 404
 * and 405 mean the endpoint is wrong (config), not that the batch is bad.
 */
export function answerResult(answer: HttpAnswer, secrets: readonly string[], now: number): DeliveryResult {
  const headers = { ...answer.headers };
  if (headers['retry-after'] === undefined && headers['x-ratelimit-reset'] !== undefined) headers['retry-after'] = headers['x-ratelimit-reset'];
  if (answer.status >= 300 && answer.status < 400) {
    return {
      status: 'permanent',
      error: new DeliveryError('config', `Datadog redirected (HTTP ${answer.status}); Outflow does not follow redirects, so check datadogRegion or datadogEndpoint.`, { status: answer.status }),
    };
  }
  if (answer.status === 404 || answer.status === 405) {
    // A wrong endpoint is not a bad batch: fail the round (and keep the events) instead of dead-lettering them.
    return {
      status: 'permanent',
      error: new DeliveryError('config', `Datadog answered HTTP ${answer.status}: no logs intake at this URL; check datadogRegion or datadogEndpoint.`, { status: answer.status }),
    };
  }
  return classifyHttpStatus({ ...answer, headers }, secrets, now);
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

/** `GET /api/v1/validate`: 2xx means the key is valid; 401/403 are auth failures; anything else fails too. */
export function healthFromAnswer(answer: HttpAnswer, secrets: readonly string[], now: number): HealthResult {
  const result = answerResult(answer, secrets, now);
  if (!isFailure(result)) return { ok: true, message: 'Datadog accepted the API key (GET /api/v1/validate).' };
  return { ok: false, error: result.error };
}

export function healthFromError(err: unknown, secrets: readonly string[]): HealthResult {
  const result = errorResult(err, secrets);
  return isFailure(result) ? { ok: false, error: result.error } : { ok: false, error: new DeliveryError('transient', 'The healthcheck failed.') };
}
