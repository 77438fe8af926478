// An Accepted (202) /v2/log: polls GET /request/<request_id> until Pangea reports the result, within the attempt.
import { DeliveryError, sleep, systemClock, type DeliveryResult, type HttpResponse } from '@outflow/core';
import type { FollowUp } from '@outflow/http';
import { parseEnvelope } from './classify.js';
import { auditBaseUrl, baseHeaders, REQUEST_PATH } from './endpoint.js';
import type { PangeaConfig } from './types.js';

/** First pause before a poll; each next one doubles, up to POLL_MAX_MS. */
export const POLL_FIRST_MS = 250;
export const POLL_MAX_MS = 2_000;

const REQUEST_ID = /^[A-Za-z0-9_-]{1,128}$/;
const warned = new WeakSet<PangeaConfig>();

/** Waits `ms` of real time (like a socket timeout); false once the signal aborted. */
const pause = (ms: number, signal: AbortSignal): Promise<boolean> =>
  sleep(systemClock, ms, signal).then(
    () => true,
    () => false,
  );

const isResponse = (v: unknown): v is HttpResponse => typeof v === 'object' && v !== null && typeof (v as HttpResponse).status === 'number';

/**
 * Success at once unless Pangea answered Accepted. Then: a poll answering 202 (still queued) or 404
 * (the result is not registered yet; Pangea's SDKs poll through it too) waits and polls again; a
 * settled result is classified like the log answer itself (Success, ValidationError, …); network
 * errors and retryable answers are polled through. When the attempt's deadline ends first the batch
 * is retryable, and may then be logged twice (Pangea has no idempotency key).
 */
export async function awaitSettled(response: HttpResponse, follow: FollowUp<PangeaConfig>): Promise<DeliveryResult> {
  const { config, ctx, signal } = follow;
  const envelope = parseEnvelope(response.body);
  if (response.status !== 202 && envelope?.status !== 'Accepted') return { status: 'success' };
  const requestId = envelope?.request_id;
  if (typeof requestId !== 'string' || !REQUEST_ID.test(requestId)) {
    if (!warned.has(config)) ctx.logger.warn({}, 'Pangea accepted a request without a request_id to poll; its events count as delivered.');
    warned.add(config);
    return { status: 'success' };
  }
  const poll = { method: 'GET', url: `${auditBaseUrl(config)}${REQUEST_PATH}${requestId}`, headers: baseHeaders(config) };
  const started = Date.now();
  let polls = 0;
  for (let wait = POLL_FIRST_MS; await pause(wait, signal); wait = Math.min(wait * 2, POLL_MAX_MS)) {
    polls++;
    const { outcome, result } = await follow.exchange(poll);
    const pending = isResponse(outcome) && (outcome.status === 202 || outcome.status === 404 || parseEnvelope(outcome.body)?.status === 'Accepted');
    if (pending) continue;
    if (result.status === 'success' || result.status === 'permanent') {
      ctx.logger.debug({ requestId, polls, ms: Date.now() - started, outcome: result.status }, 'Pangea settled an accepted request.');
      return result;
    }
  }
  const message = `Pangea accepted the events (request_id ${requestId}) but did not report the result before the attempt's deadline (${Date.now() - started} ms, ${polls} polls); they will be sent again.`;
  return { status: 'retryable', error: new DeliveryError('transient', message, { vendorCode: 'ACCEPTED_NOT_SETTLED' }) };
}
