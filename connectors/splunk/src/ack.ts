// Indexer acknowledgement: after the /event answer, polls /services/collector/ack until Splunk reports the batch indexed, within the attempt.
import { DeliveryError, sleep, systemClock, type DeliveryResult, type HttpResponse } from '@outflow/core';
import type { FollowUp } from '@outflow/http';
import { parseReply } from './classify.js';
import { hecBaseUrl } from './endpoint.js';
import { channelOf, jsonHeaders } from './headers.js';
import type { SplunkConfig } from './types.js';

export const ACK_PATH = '/services/collector/ack';
/** Pause between two polls. */
export const ACK_POLL_INTERVAL_MS = 250;

const warned = new WeakSet<SplunkConfig>();

/** Waits one interval of real time (like a socket timeout); false once the signal aborted. */
const pause = (signal: AbortSignal): Promise<boolean> =>
  sleep(systemClock, ACK_POLL_INTERVAL_MS, signal).then(
    () => true,
    () => false,
  );

/**
 * Success once a poll reports the ackId `true`. A permanent answer (bad token, ACK disabled)
 * ends the wait with that result; network errors and retryable answers are polled through. The
 * attempt's signal is the deadline: when it ends first the batch is retryable (and may then be indexed twice).
 */
export async function awaitAck(response: HttpResponse, follow: FollowUp<SplunkConfig>): Promise<DeliveryResult> {
  const { config, ctx, signal } = follow;
  const channel = channelOf(config);
  if (!config.splunkAck || !channel) return { status: 'success' };
  const ackId = parseReply(response.body).ackId;
  if (typeof ackId !== 'number') {
    if (!warned.has(config))
      ctx.logger.warn(
        { channel },
        'Splunk answered without an ackId; indexer acknowledgement is probably off for this token, so batches count as delivered on HTTP 200.',
      );
    warned.add(config);
    return { status: 'success' };
  }
  const poll = {
    method: 'POST',
    url: `${hecBaseUrl(config)}${ACK_PATH}?channel=${encodeURIComponent(channel)}`,
    headers: jsonHeaders(config),
    body: JSON.stringify({ acks: [ackId] }),
  };
  const started = Date.now();
  let polls = 0;
  while (await pause(signal)) {
    polls++;
    const { outcome, result } = await follow.exchange(poll);
    if (result.status === 'permanent') return result;
    if (result.status === 'success' && parseReply((outcome as HttpResponse).body).acks?.[String(ackId)] === true) {
      ctx.logger.debug({ ackId, polls, ms: Date.now() - started }, 'Splunk acknowledged the events.');
      return { status: 'success' };
    }
  }
  const message = `Splunk did not acknowledge the events before the attempt's deadline (${Date.now() - started} ms, ackId ${ackId}, ${polls} polls); they will be sent again.`;
  return { status: 'retryable', error: new DeliveryError('transient', message, { vendorCode: 'ACK_TIMEOUT' }) };
}
