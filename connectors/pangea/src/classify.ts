// Pangea's reading of answers: the envelope's `status` (Success, Accepted, ValidationError, …) decides, the HTTP status only backs it up.
import {
  classifyHttpStatus,
  DeliveryError,
  parseRetryAfter,
  redactText,
  type DeliveryErrorKind,
  type DeliveryResult,
  type HttpResponse,
  type ItemFailure,
} from '@outflow/core';
import type { PangeaEnvelope } from './types.js';

/** The envelope of an answer, or undefined when the body is not one (a proxy's error page, an empty body). */
export function parseEnvelope(body: Buffer | string): PangeaEnvelope | undefined {
  try {
    const parsed: unknown = JSON.parse(body.toString());
    if (!parsed || typeof parsed !== 'object' || typeof (parsed as PangeaEnvelope).status !== 'string') return undefined;
    return parsed as PangeaEnvelope;
  } catch {
    return undefined;
  }
}

/**
 * Envelope statuses that are not the batch's fault. `NoCredit` is `config`: the project is out of
 * credit, so retrying within the round cannot help; the platform retries the round later with a
 * growing backoff and delivery resumes once credit is added. `Unauthorized` is `auth`.
 */
const STATUS_KINDS: Readonly<Record<string, DeliveryErrorKind>> = {
  Unauthorized: 'auth',
  ServiceNotEnabled: 'config',
  MissingConfigID: 'config',
  MissingConfigIDScope: 'config',
  NoCredit: 'config',
  NotFound: 'config',
  TooManyRequests: 'throttled',
  ServiceNotAvailable: 'transient',
  InternalError: 'transient',
  ProviderError: 'transient',
  ValidationError: 'invalid',
  InvalidPayloadReceived: 'invalid',
};

const RETRYABLE = new Set<DeliveryErrorKind>(['transient', 'throttled']);

interface ErrorField {
  code?: unknown;
  detail?: unknown;
  source?: unknown;
}

/** The `result.errors` of a ValidationError (empty when it has none). */
function errorFields(envelope: PangeaEnvelope): ErrorField[] {
  const errors = (envelope.result as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(errors) ? (errors as ErrorField[]).filter((e) => typeof e === 'object' && e !== null) : [];
}

/** `/events/3/event/message` → 3: the events a ValidationError names, with their detail. */
export function refusedEvents(envelope: PangeaEnvelope, events: number): Map<number, string> {
  const out = new Map<number, string>();
  for (const e of errorFields(envelope)) {
    const match = typeof e.source === 'string' ? /^\/events\/(\d+)(?:\/|$)/.exec(e.source) : null;
    const index = match ? Number(match[1]) : -1;
    if (index < 0 || index >= events || out.has(index)) continue;
    out.set(index, `${String(e.code ?? 'invalid')}: ${String(e.detail ?? 'refused')} (${e.source as string})`);
  }
  return out;
}

/** An error about the request's own fields (`/config_id`, `/verbose`), which no event can fix. */
const requestLevel = (e: ErrorField): boolean => typeof e.source === 'string' && e.source !== '' && !/^\/events(?:\/|$)/.test(e.source);

/**
 * A ValidationError refuses the whole request. One about the request's own fields is `config`
 * (splitting the batch would only dead-letter good events). One naming events gives a `partial`
 * result: those events are dead letters, all the others are sent again. Without names (or in a
 * poll, `events` 0) the whole batch is `invalid` and the platform splits it to find the bad events.
 */
function validationResult(envelope: PangeaEnvelope, events: number, error: DeliveryError): DeliveryResult {
  if (errorFields(envelope).some(requestLevel)) return { status: 'permanent', error: new DeliveryError('config', error.message, error.details) };
  const named = refusedEvents(envelope, events);
  if (named.size === 0) return { status: 'permanent', error };
  const failed: ItemFailure[] = [];
  for (let index = 0; index < events; index++) {
    const detail = named.get(index);
    failed.push(
      detail === undefined
        ? { index, retryable: true, reason: 'Pangea refused the request for another event of the batch (ValidationError); this one is sent again.' }
        : { index, retryable: false, reason: `Pangea refused the event (ValidationError): ${detail}`, status: error.details.status },
    );
  }
  return { status: 'partial', failed };
}

/** A 404 or 405 without an envelope: not the Secure Audit Log (a wrong domain or base URL), not a bad batch. */
function notAuditLog(status: number): DeliveryResult {
  const message = `No Pangea Secure Audit Log at this URL (HTTP ${status}); check pangeaDomain and pangeaBaseUrl.`;
  return { status: 'permanent', error: new DeliveryError('config', message, { status }) };
}

/** The vendor classification handed to defineHttpConnector; undefined leaves an answer without envelope to the generic table. */
export function classifyPangea(
  response: HttpResponse,
  text: string,
  events: number,
  context: { secrets: readonly string[]; now: number | undefined },
): DeliveryResult | undefined {
  const envelope = parseEnvelope(text);
  if (!envelope) return response.status === 404 || response.status === 405 ? notAuditLog(response.status) : undefined;
  const code = String(envelope.status);
  if (code === 'Success' || code === 'Accepted') return { status: 'success' };
  const kind = STATUS_KINDS[code];
  const generic = classifyHttpStatus({ status: response.status, headers: response.headers, body: text }, context.secrets, context.now);
  const summary = redactText(String(envelope.summary ?? 'no summary').slice(0, 300), context.secrets);
  const requestId = typeof envelope.request_id === 'string' ? `, request_id ${envelope.request_id}` : '';
  const message = `Pangea answered HTTP ${response.status} ${code}: ${summary}${requestId}.`;
  const details = { status: response.status, vendorCode: code, responseBody: redactText(text.slice(0, 512), context.secrets) };
  if (!kind) {
    // An unknown status keeps the HTTP status's class, quoting Pangea.
    if (generic.status !== 'retryable' && generic.status !== 'permanent') return generic;
    return { ...generic, error: new DeliveryError(generic.error.kind, message, details) };
  }
  const error = new DeliveryError(kind, message, details);
  if (kind === 'invalid') return validationResult(envelope, events, error);
  if (!RETRYABLE.has(kind)) return { status: 'permanent', error };
  return { status: 'retryable', error, retryAfterMs: parseRetryAfter(response.headers['retry-after'], context.now) };
}
