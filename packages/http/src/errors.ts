// Turns what axios, node and the egress guard throw into branded transport errors (no request config, no headers).
import { EGRESS_REFUSED, isTransportError, scrubError, transportError, type TransportError } from '@outflow/core';

/** The error along the cause chain that names the failure: an egress refusal first, else the first with a node code. */
function rootOf(err: unknown): { code: string; source: unknown } {
  let found: { code: string; source: unknown } | undefined;
  for (let e: unknown = err, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === EGRESS_REFUSED) return { code, source: e };
    if (typeof code === 'string' && !found && !code.startsWith('ERR_')) found = { code, source: e };
  }
  return found ?? { code: 'ENETWORK', source: err };
}

/**
 * ABORTED when the caller's signal fired (ETIMEDOUT when its reason is a TimeoutError),
 * EGRESS_REFUSED for the guard, otherwise node's code (ECONNREFUSED, ECONNRESET, …).
 */
export function toTransportError(err: unknown, signal: AbortSignal): TransportError {
  if (isTransportError(err)) return err;
  if (signal.aborted) {
    const timeout = (signal.reason as { name?: unknown } | undefined)?.name === 'TimeoutError';
    return transportError(timeout ? 'ETIMEDOUT' : 'ABORTED', timeout ? 'The request timed out.' : 'The request was aborted.');
  }
  const { code, source } = rootOf(err);
  const message = source instanceof Error && source.message ? source.message : `The request failed (${code}).`;
  return transportError(code, message, scrubError(source));
}
