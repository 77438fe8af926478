// Splunk's reading of HEC answers (the `{"text","code"}` reply refines the status) and of refused TLS certificates.
import {
  classifyHttpStatus,
  DeliveryError,
  redactText,
  type DeliveryErrorKind,
  type DeliveryResult,
  type HttpResponse,
  type TransportError,
} from '@outflow/core';

/** HEC's JSON answer: `{"text":"Server is busy","code":9}`, `ackId` with acknowledgement, `invalid-event-number` on bad events. */
export interface HecReply {
  text?: string;
  code?: number;
  ackId?: number;
  'invalid-event-number'?: number;
  acks?: Record<string, boolean>;
}

export function parseReply(body: Buffer | string): HecReply {
  try {
    const parsed: unknown = JSON.parse(body.toString());
    return parsed && typeof parsed === 'object' ? (parsed as HecReply) : {};
  } catch {
    return {};
  }
}

/**
 * Reply codes that override the status-based kind: 1–4 the token (disabled, required, invalid
 * authorization, invalid), 7 an index the token may not write, 10/11 a missing or invalid data
 * channel, 14 ACK disabled on the token, 16 query string auth off: the stream's configuration is
 * wrong, so permanent. 9 (server busy) is throttling, retryable.
 */
const CODE_KINDS: Readonly<Record<number, DeliveryErrorKind>> = {
  1: 'auth',
  2: 'auth',
  3: 'auth',
  4: 'auth',
  7: 'config',
  9: 'throttled',
  10: 'config',
  11: 'config',
  14: 'config',
  16: 'config',
};

/**
 * 404 and 405 are configuration errors (a wrong URL is not a bad batch: nothing is dead-lettered).
 * A failure with a HEC code keeps core's status class (400/413 invalid, 401/403 auth, 429/5xx
 * retryable with Retry-After) and quotes the reply, refined by the code: 7/10/11/14/16 config, 9 throttled, 1–4 auth.
 */
export function classifyHec(
  response: HttpResponse,
  text: string,
  _events: number,
  context: { secrets: readonly string[]; now: number | undefined },
): DeliveryResult | undefined {
  const { status } = response;
  if (status === 404 || status === 405) {
    return {
      status: 'permanent',
      error: new DeliveryError('config', `No HTTP Event Collector at this URL (HTTP ${status}); check splunkDomain and splunkPort.`, { status }),
    };
  }
  const reply = status >= 400 ? parseReply(text) : {};
  if (typeof reply.code !== 'number') return undefined;
  const base = classifyHttpStatus({ status, headers: response.headers, body: text }, context.secrets, context.now);
  if (base.status !== 'retryable' && base.status !== 'permanent') return base;
  const bad = reply['invalid-event-number'];
  const quoted = redactText(String(reply.text ?? 'no text'), context.secrets);
  const message = `Splunk HEC answered HTTP ${status}: ${quoted} (code ${reply.code}${typeof bad === 'number' ? `, invalid-event-number ${bad}` : ''}).`;
  const details = { ...base.error.details, vendorCode: String(reply.code) };
  const kind = CODE_KINDS[reply.code];
  if (!kind) return { ...base, error: new DeliveryError(base.error.kind, message, details) };
  if (kind !== 'throttled') return { status: 'permanent', error: new DeliveryError(kind, message, details) };
  return { status: 'retryable', error: new DeliveryError(kind, message, details), retryAfterMs: base.status === 'retryable' ? base.retryAfterMs : undefined };
}

/** Certificate errors: retrying cannot help until the certificate or splunkSecure changes. */
const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** A refused certificate is a permanent `config` error; other network failures take the generic reading. */
export function classifyTls(error: TransportError): DeliveryResult | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string' || !TLS_CODES.has(code)) continue;
    const message = `The HEC TLS certificate was refused (${code}); install a trusted certificate, or set splunkSecure: false for a self-signed one.`;
    return { status: 'permanent', error: new DeliveryError('config', message, { vendorCode: code }) };
  }
  return undefined;
}
