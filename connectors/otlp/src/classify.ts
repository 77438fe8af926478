// OTLP/HTTP's answer table: 429/502/503/504 retryable (with Retry-After); 400 refuses the batch; nothing else is resent.
import { DeliveryError, parseRetryAfter, redactText, type DeliveryErrorKind, type DeliveryResult, type HttpResponse } from '@outflow/core';
import { allRejected } from './partial.js';
import { statusMessageOf } from './response.js';

/** The statuses OTLP/HTTP says to retry (spec, "OTLP/HTTP Throttling" and "Failures"). */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

const kindOf = (status: number): DeliveryErrorKind => {
  if (status === 429) return 'throttled';
  if (RETRYABLE_STATUSES.has(status)) return 'transient';
  if (status === 401 || status === 403) return 'auth';
  if (status === 404 || status === 405) return 'config';
  // Other 5xx and 408: the spec says not to resend; Outflow stops the round (no dead letters) and the stream backs off.
  if (status >= 500 || status === 408) return 'transient';
  return 'invalid';
};

const hint: Partial<Record<DeliveryErrorKind, string>> = {
  auth: 'check the credential headers',
  config: 'no OTLP logs receiver at this URL; check endpoint',
};

/** Every answer read the OTLP way; a 2xx is a success unless partialSuccess rejected every record (then `confirm` warns about partial ones). */
export function classifyOtlp(
  response: HttpResponse,
  text: string,
  events: number,
  context: { secrets: readonly string[]; now: number | undefined },
): DeliveryResult | undefined {
  const { status, headers } = response;
  if (status >= 200 && status < 300) return allRejected(response, events, context.secrets);
  const kind = kindOf(status);
  const said = statusMessageOf(response.body, [headers['content-type']].flat()[0]);
  const reason = said ? `: ${redactText(said.slice(0, 300), context.secrets)}` : '';
  const message = `The OTLP receiver answered HTTP ${status}${reason}${hint[kind] ? ` (${hint[kind]})` : ''}.`;
  // A non-OTLP answer (a proxy's text or HTML) is kept as a short redacted excerpt.
  const excerpt = !said && !/protobuf/i.test(String(headers['content-type'])) ? redactText(text.slice(0, 512), context.secrets) || undefined : undefined;
  const error = new DeliveryError(kind, message, { status, ...(excerpt ? { responseBody: excerpt } : {}), ...(status === 413 ? { tooLarge: true } : {}) });
  if (RETRYABLE_STATUSES.has(status)) return { status: 'retryable', error, retryAfterMs: parseRetryAfter(headers['retry-after'], context.now) };
  return { status: 'permanent', error };
}
