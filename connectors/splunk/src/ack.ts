// Indexer acknowledgement: polls /services/collector/ack until Splunk reports the batch indexed, within one send.
import { DeliveryError, sleep, systemClock, type DeliveryResult } from '@outflow/core';
import { errorResult, hecResult, isFailure, parseReply } from './outcome.js';
import type { Transport } from './transport.js';

export const ACK_PATH = '/services/collector/ack';
/** Pause between two polls. */
export const ACK_POLL_INTERVAL_MS = 250;

export interface AckWait {
  transport: Transport;
  /** Base headers (token, channel). */
  headers: Record<string, string>;
  channel: string;
  ackId: number;
  timeoutMs: number;
  signal: AbortSignal;
  secrets: readonly string[];
  intervalMs?: number;
}

const aborted = (signal: AbortSignal, secrets: readonly string[]) =>
  errorResult(Object.assign(new Error('The request was aborted.', { cause: signal.reason }), { code: 'ABORT_ERR' }), secrets);

/**
 * Success once the ack poll reports `true` for the ackId. A permanent answer (bad token, ACK
 * disabled) ends the wait with that result; network errors and retryable answers are polled
 * through. The wait uses real time, like a socket timeout, bounded by `timeoutMs` and the signal;
 * when it runs out the batch is retryable (it may then be indexed twice).
 */
export async function awaitAck(wait: AckWait): Promise<DeliveryResult> {
  const { transport, channel, ackId, timeoutMs, signal, secrets } = wait;
  const interval = wait.intervalMs ?? ACK_POLL_INTERVAL_MS;
  const deadline = Date.now() + timeoutMs;
  const headers = { ...wait.headers, 'Content-Type': 'application/json' };
  const body = Buffer.from(JSON.stringify({ acks: [ackId] }));
  let polls = 0;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    try {
      await sleep(systemClock, Math.min(interval, left), signal);
    } catch {
      return aborted(signal, secrets);
    }
    try {
      polls++;
      const answer = await transport.request({ method: 'POST', path: `${ACK_PATH}?channel=${encodeURIComponent(channel)}`, headers, body, signal });
      if (answer.status >= 200 && answer.status < 300) {
        if (parseReply(answer.body).acks?.[String(ackId)] === true) return { status: 'success' };
      } else {
        const result = hecResult(answer, secrets, Date.now());
        if (result.status === 'permanent') return result;
      }
    } catch (err) {
      if (signal.aborted) return aborted(signal, secrets);
      const result = errorResult(err, secrets);
      if (isFailure(result) && result.status === 'permanent') return result;
    }
  }
  return {
    status: 'retryable',
    error: new DeliveryError('transient', `Splunk did not acknowledge the events within ${timeoutMs} ms (ackId ${ackId}, ${polls} polls); they will be sent again.`, {
      vendorCode: 'ACK_TIMEOUT',
    }),
  };
}
