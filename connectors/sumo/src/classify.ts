// Sumo's reading of HTTP source answers: a wrong URL is configuration, a refused token is auth; the rest is the generic table.
import { DeliveryError, redactText, type DeliveryErrorKind, type DeliveryResult, type HttpResponse } from '@outflow/core';

/** Statuses whose meaning on an HTTP source is more specific than the generic table's, with what to tell the user. */
const KNOWN: Readonly<Record<number, { kind: DeliveryErrorKind; hint: string }>> = {
  401: { kind: 'auth', hint: 'the source URL or x-sumo-token is missing, invalid or was regenerated; copy the current one from the source' },
  403: { kind: 'auth', hint: 'the source refused the credentials; check the source address or token' },
  404: { kind: 'config', hint: 'there is no HTTP source at this URL; check sumoSourceAddress or sumoEndpoint' },
  405: { kind: 'config', hint: 'this URL is not an HTTP source receiver; check sumoSourceAddress or sumoEndpoint' },
};

/**
 * 401/403 (`auth`) and 404/405 (`config`) are the stream's configuration, never a bad batch: nothing
 * is dead-lettered and the stream keeps failing until it is fixed. 408 (accepted but timed out:
 * part of it may be ingested), 429 (quota throttling, with Retry-After), 5xx, 400 and 413 keep the generic reading.
 */
export function classifySumo(
  response: HttpResponse,
  text: string,
  _events: number,
  context: { secrets: readonly string[]; now: number | undefined },
): DeliveryResult | undefined {
  const known = KNOWN[response.status];
  if (!known) return undefined;
  const responseBody = redactText(text.slice(0, 512), context.secrets) || undefined;
  const message = `Sumo Logic answered HTTP ${response.status}: ${known.hint}.`;
  return { status: 'permanent', error: new DeliveryError(known.kind, message, { status: response.status, responseBody }) };
}
