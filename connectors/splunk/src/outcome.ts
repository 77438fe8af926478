// Turns HEC answers (HTTP status + `{"text","code"}`) and thrown errors into delivery and health results.
import {
  classifyHttpStatus, classifyNetworkError, DeliveryError, redactText, scrubError, type DeliveryErrorKind, type DeliveryResult, type HealthResult, type HttpAnswer,
} from '@outflow/core';

type Failure = Extract<DeliveryResult, { status: 'retryable' | 'permanent' }>;

export const isFailure = (r: DeliveryResult): r is Failure => r.status === 'retryable' || r.status === 'permanent';

/** HEC's JSON answer: `{"text":"Server is busy","code":9}`, `ackId` with acknowledgement, `invalid-event-number` on bad events. */
export interface HecReply {
  text?: string;
  code?: number;
  ackId?: number;
  'invalid-event-number'?: number;
  acks?: Record<string, boolean>;
}

export function parseReply(body: string): HecReply {
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed && typeof parsed === 'object' ? (parsed as HecReply) : {};
  } catch {
    return {};
  }
}

/** Reply codes that override the status-based class: the stream's configuration is wrong, or Splunk is busy. */
const CODE_KINDS: Readonly<Record<number, { kind: DeliveryErrorKind; retryable: boolean }>> = {
  1: { kind: 'auth', retryable: false }, // token disabled
  2: { kind: 'auth', retryable: false }, // token is required
  3: { kind: 'auth', retryable: false }, // invalid authorization
  4: { kind: 'auth', retryable: false }, // invalid token
  7: { kind: 'config', retryable: false }, // incorrect index: splunkIndex is not allowed for this token
  9: { kind: 'throttled', retryable: true }, // server is busy
  10: { kind: 'config', retryable: false }, // data channel is missing: the token requires indexer acknowledgement
  11: { kind: 'config', retryable: false }, // invalid data channel
  14: { kind: 'config', retryable: false }, // ACK is disabled on the token
  16: { kind: 'config', retryable: false }, // query string authorization is not enabled
};

/**
 * 2xx success; 3xx, 404 and 405 are configuration errors. Otherwise core's status classes (400/413 invalid, 401/403 auth, 429/5xx
 * retryable with Retry-After), refined by the HEC code: 7/10/11/14 are configuration errors
 * (not a bad batch, so nothing is dead-lettered), 9 is throttling, 1–4 are auth.
 */
export function hecResult(answer: HttpAnswer, secrets: readonly string[], now: number): DeliveryResult {
  if (answer.status >= 300 && answer.status < 400) {
    return {
      status: 'permanent',
      error: new DeliveryError('config', `Splunk redirected (HTTP ${answer.status}); Outflow does not follow redirects, so check splunkDomain, splunkPort and splunkScheme.`, { status: answer.status }),
    };
  }
  if (answer.status === 404 || answer.status === 405) {
    // A wrong URL is not a bad batch: fail the round (and keep the events) instead of dead-lettering them.
    return {
      status: 'permanent',
      error: new DeliveryError('config', `No HTTP Event Collector at this URL (HTTP ${answer.status}); check splunkDomain and splunkPort.`, { status: answer.status }),
    };
  }
  const base = classifyHttpStatus(answer, secrets, now);
  if (!isFailure(base)) return base;
  const reply = parseReply(answer.body ?? '');
  if (typeof reply.code !== 'number') return base;
  const bad = reply['invalid-event-number'];
  const text = redactText(String(reply.text ?? 'no text'), secrets);
  const message = `Splunk HEC answered HTTP ${answer.status}: ${text} (code ${reply.code}${typeof bad === 'number' ? `, invalid-event-number ${bad}` : ''}).`;
  const details = { ...base.error.details, vendorCode: String(reply.code) };
  const override = CODE_KINDS[reply.code];
  if (!override) return { ...base, error: new DeliveryError(base.error.kind, message, details) };
  if (!override.retryable) return { status: 'permanent', error: new DeliveryError(override.kind, message, details) };
  const retryAfterMs = base.status === 'retryable' ? base.retryAfterMs : undefined;
  return { status: 'retryable', error: new DeliveryError(override.kind, message, details), retryAfterMs };
}

/** Certificate errors: retrying cannot help until the certificate or splunkSecure changes. */
const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function tlsCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && TLS_CODES.has(code)) return code;
  }
  return undefined;
}


export function errorResult(raw: unknown, secrets: readonly string[]): DeliveryResult {
  const err = scrubError(raw, secrets);
  const tls = tlsCode(err);
  if (tls) {
    const message = `The HEC TLS certificate was refused (${tls}); install a trusted certificate, or set splunkSecure: false for a self-signed one.`;
    return { status: 'permanent', error: new DeliveryError('config', message, { vendorCode: tls }) };
  }
  return classifyNetworkError(err, secrets);
}

export function closedError(): DeliveryError {
  return new DeliveryError('config', 'The connector is closed.');
}

export function closedResult(): DeliveryResult {
  return { status: 'permanent', error: closedError() };
}

/** A health answer: 2xx is healthy; auth, config and retryable failures fail; another refusal still proves HEC reachable. */
export function healthFrom(answer: HttpAnswer, secrets: readonly string[], now: number, okMessage: string): HealthResult {
  const result = hecResult(answer, secrets, now);
  if (!isFailure(result)) return { ok: true, message: okMessage };
  if (result.error.kind === 'invalid') return { ok: true, message: okMessage };
  return { ok: false, error: result.error };
}

export function healthFromError(err: unknown, secrets: readonly string[]): HealthResult {
  const result = errorResult(err, secrets);
  return isFailure(result) ? { ok: false, error: result.error } : { ok: false, error: new DeliveryError('transient', 'The healthcheck failed.') };
}
