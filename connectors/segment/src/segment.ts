// The segment connector instance: one batch request per send through the official client, empty-batch healthcheck, preview, close.
import {
  createInflight, collectSecrets, ConfigError, DeliveryError, REDACTED, type Connector, type ConnectorContext, type DeliveryResult, type HealthResult, type LogBatch, type PayloadPreview,
} from '@outflow/core';
import { batchUrl } from './config.js';
import { trackMessage } from './encoder.js';
import { closedError, combineFailures, reasonFailure } from './outcome.js';
import { publish } from './publish.js';
import { createSegmentTransport, SegmentAnswerError } from './transport.js';
import type { SegmentConfig, TrackMessage } from './types.js';
import { USER_AGENT } from './version.js';

export function createSegment(ctx: ConnectorContext, config: SegmentConfig): Connector {
  const url = batchUrl(config);
  try {
    ctx.egress.checkUrl(url);
  } catch (err) {
    throw new ConfigError('The Segment endpoint is not allowed by the egress policy.', [{ path: config.segmentHost ? 'segmentHost' : 'segmentRegion', message: (err as Error).message }]);
  }
  const writeKey = config.segmentWriteKey.reveal();
  const basic = Buffer.from(`${writeKey}:`).toString('base64');
  const secrets = [...collectSecrets(config), basic];
  const transport = createSegmentTransport(ctx.egress);
  const inflight = createInflight();


  const messagesOf = (batch: LogBatch): TrackMessage[] | undefined => {
    try {
      return batch.envelopes().map(trackMessage);
    } catch {
      return undefined;
    }
  };

  const deliver = async (messages: TrackMessage[], signal: AbortSignal): Promise<DeliveryResult> => {
    const failures = await publish(messages, { writeKey, url, timeoutMs: config.segmentTimeoutMs, transport, signal });
    return combineFailures(messages.length, failures, secrets);
  };

  return {
    async send(batch: LogBatch, signal: AbortSignal): Promise<DeliveryResult> {
      if (inflight.closed) return { status: 'permanent', error: closedError() };
      if (batch.length === 0) return { status: 'success' };
      if (signal.aborted) return reasonFailure(signal.reason ?? new DOMException('Aborted.', 'AbortError'), secrets);
      const messages = messagesOf(batch);
      if (!messages) return { status: 'permanent', error: new DeliveryError('invalid', 'A stored event is not valid JSON, so it cannot be sent to Segment.') };
      const started = Date.now();
      const result = await inflight.track(deliver(messages, signal));
      ctx.logger.debug({ events: batch.length, outcome: result.status, ms: Date.now() - started }, 'A Segment batch finished.');
      return result;
    },

    /** POSTs an empty batch: checks the address, TLS and any refusal of the key, and records no event. */
    async healthcheck(signal: AbortSignal): Promise<HealthResult> {
      if (inflight.closed) return { ok: false, error: closedError() };
      const headers = { 'Content-Type': 'application/json', Authorization: `Basic ${basic}`, 'User-Agent': USER_AGENT };
      try {
        const answer = await inflight.track(transport.post({ url, headers, body: '{"batch":[]}', timeoutMs: config.segmentTimeoutMs, signal }));
        if (answer.status >= 200 && answer.status < 300) return { ok: true, message: `Segment accepted an empty batch (HTTP ${answer.status}).` };
        const failure = reasonFailure(new SegmentAnswerError(answer), secrets);
        return { ok: false, error: failure.error };
      } catch (err) {
        return { ok: false, error: reasonFailure(err, secrets).error };
      }
    },

    preview(batch: LogBatch): PayloadPreview {
      if (batch.length === 0) return { requests: [] };
      const body = JSON.stringify({ batch: batch.envelopes().map((e) => ({ type: 'track', ...trackMessage(e) })), writeKey: REDACTED });
      return { requests: [{ method: 'POST', url, headers: { 'Content-Type': 'application/json', Authorization: `Basic ${REDACTED}` }, body }] };
    },

    close(): Promise<void> {
      return inflight.close(() => transport.close());
    },
  };
}
