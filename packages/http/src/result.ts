// Classifies a transport outcome: HTTP status (with an optional vendor table) or a transport error → DeliveryResult.
import {
  classifyHttpStatus,
  DeliveryError,
  isTransportError,
  parseRetryAfter,
  redactText,
  type DeliveryErrorKind,
  type DeliveryResult,
  type HttpResponse,
} from '@outflow/core';

/**
 * A vendor's own reading of some answers: status → kind, or a function (e.g. of the body, a 2xx
 * naming refused events) that may decline with undefined. `events` is how many events the request carried;
 * `context` has the secrets to redact from anything quoted and the clock's now (for Retry-After dates).
 */
export type VendorClassification =
  | Readonly<Record<number, DeliveryErrorKind>>
  | ((response: HttpResponse, text: string, events: number, context: { secrets: readonly string[]; now: number | undefined }) => DeliveryResult | undefined);

export interface ClassifyOptions {
  classify?: VendorClassification | undefined;
  secrets: readonly string[];
  now?: number | undefined;
  /** Events the request carried (for a vendor function's partial results). */
  events?: number | undefined;
}

const RETRYABLE_KINDS = new Set<DeliveryErrorKind>(['transient', 'throttled']);

function fromTable(response: HttpResponse, kind: DeliveryErrorKind, text: string, secrets: readonly string[], now?: number): DeliveryResult {
  const details = { status: response.status, responseBody: redactText(text.slice(0, 512), secrets) || undefined };
  const error = new DeliveryError(kind, `The destination answered HTTP ${response.status} (${kind}).`, details);
  if (!RETRYABLE_KINDS.has(kind)) return { status: 'permanent', error };
  return { status: 'retryable', error, retryAfterMs: parseRetryAfter(response.headers['retry-after'], now) };
}

/**
 * Redirects are a config error (not followed: the URL needs fixing); then the vendor table;
 * then `classifyHttpStatus`. Transport errors: egress refusals permanent `config`, the rest retryable `transient`.
 */
export function toDeliveryResult(outcome: HttpResponse | unknown, options: ClassifyOptions): DeliveryResult {
  const { secrets } = options;
  if (isTransportError(outcome) || !isResponse(outcome)) {
    const code = isTransportError(outcome) ? outcome.code : undefined;
    const message = redactText(outcome instanceof Error ? outcome.message : String(outcome), secrets);
    if (code === 'EGRESS_REFUSED') return { status: 'permanent', error: new DeliveryError('config', message, { vendorCode: code }) };
    const text = code === 'ABORTED' || code === 'ETIMEDOUT' ? 'The request was aborted or timed out.' : `The request failed: ${message}`;
    return { status: 'retryable', error: new DeliveryError('transient', text, { vendorCode: code }) };
  }
  const { status } = outcome;
  if (status >= 300 && status < 400) {
    return {
      status: 'permanent',
      error: new DeliveryError('config', `The destination redirected (HTTP ${status}); redirects are not followed, so configure the final URL.`, { status }),
    };
  }
  const text = outcome.body.toString('utf8');
  const table = options.classify;
  if (typeof table === 'function') {
    const own = table(outcome, text, options.events ?? 0, { secrets, now: options.now });
    if (own) return own;
  } else if (table && status >= 300 && table[status]) {
    return fromTable(outcome, table[status] as DeliveryErrorKind, text, secrets, options.now);
  }
  return classifyHttpStatus({ status, headers: outcome.headers, body: text }, secrets, options.now);
}

function isResponse(value: unknown): value is HttpResponse {
  return typeof value === 'object' && value !== null && typeof (value as HttpResponse).status === 'number' && Buffer.isBuffer((value as HttpResponse).body);
}
