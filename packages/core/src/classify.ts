// Shared outcome classifiers: HTTP status codes and network errors → DeliveryResult.
import { DeliveryError } from './errors.js';
import { redactText } from './redact.js';
import { parseRetryAfter } from './retry-after.js';
import { scrubError } from './scrub-error.js';
import type { DeliveryResult } from './connector.js';

const MAX_BODY_EXCERPT = 512;

export interface HttpAnswer {
  status: number;
  headers?: Record<string, string | string[] | undefined> | undefined;
  body?: string | undefined;
}

/**
 * 2xx success; 408, 429 and 5xx except 501 retryable (with Retry-After); 401/403 auth;
 * 413 too large (split); other 4xx invalid. Secrets are redacted from the body excerpt.
 */
export function classifyHttpStatus(answer: HttpAnswer, secrets: readonly string[] = [], now = Date.now()): DeliveryResult {
  const { status } = answer;
  if (status >= 200 && status < 300) return { status: 'success' };
  const excerpt = answer.body ? redactText(answer.body.slice(0, MAX_BODY_EXCERPT), secrets) : undefined;
  const details = { status, responseBody: excerpt };
  const header = answer.headers?.['retry-after'];
  if (status === 429) {
    return {
      status: 'retryable',
      error: new DeliveryError('throttled', `The destination is rate limiting (HTTP 429).`, details),
      retryAfterMs: parseRetryAfter(header, now),
    };
  }
  if (status === 408 || (status >= 500 && status !== 501)) {
    return {
      status: 'retryable',
      error: new DeliveryError('transient', `The destination answered HTTP ${status}.`, details),
      retryAfterMs: parseRetryAfter(header, now),
    };
  }
  if (status === 401 || status === 403) {
    return { status: 'permanent', error: new DeliveryError('auth', `The destination refused the credentials (HTTP ${status}).`, details) };
  }
  if (status === 413) {
    return {
      status: 'permanent',
      error: new DeliveryError('invalid', 'The destination refused the payload as too large (HTTP 413).', { ...details, tooLarge: true }),
    };
  }
  return { status: 'permanent', error: new DeliveryError('invalid', `The destination refused the payload (HTTP ${status}).`, details) };
}

const RETRYABLE_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNABORTED',
  'ENOTFOUND',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EAI_AGAIN',
  'ENETDOWN',
  'EHOSTDOWN',
  'ESOCKETTIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ERR_CANCELED',
  'ABORT_ERR',
  'ERR_STREAM_PREMATURE_CLOSE',
  'ERR_HTTP2_STREAM_ERROR',
  'EPROTO',
]);

/** Network failures, timeouts and aborts are retryable; egress refusals are config errors. */
export function classifyNetworkError(err: unknown, secrets: readonly string[] = []): DeliveryResult {
  let code: string | undefined;
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const c = (e as { code?: unknown }).code;
    if (typeof c === 'string') {
      code = c;
      if (RETRYABLE_NETWORK_CODES.has(c) || c === 'EGRESS_REFUSED') break;
    }
  }
  const message = redactText(err instanceof Error ? err.message : String(err), secrets);
  if (code === 'EGRESS_REFUSED') {
    return { status: 'permanent', error: new DeliveryError('config', message, { vendorCode: code }) };
  }
  const text = code === 'ERR_CANCELED' || code === 'ABORT_ERR' ? 'The request was aborted or timed out.' : `The request failed: ${message}`;
  return { status: 'retryable', error: new DeliveryError('transient', text, { vendorCode: code }, { cause: scrubError(err, secrets) }) };
}
