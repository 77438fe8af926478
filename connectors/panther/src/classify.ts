// Panther's answers beyond the generic table: a wrong source URL is a config error, on sends and on the probe.
import { DeliveryError, type DeliveryResult, type HealthResult, type HttpResponse } from '@outflow/core';

/**
 * 404 (no HTTP source at this URL: deleted, or a mistyped id) and 405 (not the source's URL) are
 * `config`: the stream waits for a fix and nothing is dead-lettered. Everything else is the generic
 * table: 400 refused data (`invalid`, dead-lettered after bisection), 401/403 `auth`, 413 too large
 * (split), 429 `throttled` and 5xx `transient` (retried, honouring Retry-After).
 */
export function classifyPanther(response: HttpResponse): DeliveryResult | undefined {
  const { status } = response;
  if (status !== 404 && status !== 405) return undefined;
  const message = `Panther answered HTTP ${status}: no HTTP log source accepts POSTs at this URL; copy pantherUrl again from the source's page in Panther.`;
  return { status: 'permanent', error: new DeliveryError('config', message, { status }) };
}

/** The probe is a HEAD: a source that exists may refuse the method (405) after checking the credentials. */
export function pantherHealth(response: HttpResponse): HealthResult | undefined {
  if (response.status === 405) return { ok: true, message: 'The Panther HTTP source is reachable and accepted the credentials (HTTP 405 to HEAD).' };
  return undefined;
}
