// The /v1/batch request of a batch: one `track` per event, Basic auth of the write key, events over 32 KB refused unsent.
import { DeliveryError, type ConnectorContext, type LogBatch } from '@outflow/core';
import type { EncodedBatch, EncodedRequest } from '@outflow/http';
import { batchUrl } from './config.js';
import { trackMessage } from './encoder.js';
import type { SegmentConfig } from './types.js';
import { USER_AGENT, VERSION } from './version.js';

/** Segment's limit per event: it answers 200 and silently drops a larger one. */
export const MAX_EVENT_BYTES = 32 * 1024;
const LIBRARY = { name: '@outflow/connector-segment', version: VERSION };

const tooLarge = () => new DeliveryError('invalid', "The event is larger than Segment's 32 KB per event.", { tooLarge: true });

function headers(config: SegmentConfig): Record<string, string> {
  return { 'Content-Type': 'application/json', Authorization: `Basic ${basicOf(config)}`, 'User-Agent': USER_AGENT };
}

/** `base64(<writeKey>:)`, redacted as a secret of its own. */
export function basicOf(config: SegmentConfig): string {
  return Buffer.from(`${config.segmentWriteKey.reveal()}:`).toString('base64');
}

/** One request with every event that fits; those over 32 KB (as sent) are refused by index. */
export function encodeSegment(batch: LogBatch, config: SegmentConfig, ctx: ConnectorContext): EncodedBatch {
  const items: string[] = [];
  const indices: number[] = [];
  const refused: number[] = [];
  batch.envelopes().forEach((envelope, i) => {
    const message = trackMessage(envelope);
    const item = JSON.stringify({ type: 'track', ...message, context: { ...message.context, library: LIBRARY } });
    if (Buffer.byteLength(item) > MAX_EVENT_BYTES) return void refused.push(i);
    items.push(item);
    indices.push(i);
  });
  const sentAt = JSON.stringify(new Date(ctx.clock.now()).toISOString());
  const request: EncodedRequest = {
    method: 'POST',
    url: batchUrl(config),
    headers: headers(config),
    body: `{"batch":[${items.join(',')}],"sentAt":${sentAt}}`,
    indices,
  };
  return { requests: items.length ? [request] : [], refused: { indices: refused, error: tooLarge() } };
}

/** An empty batch: checks the address, TLS and any refusal of the key, and records no event. */
export function probeSegment(config: SegmentConfig): EncodedRequest {
  return { method: 'POST', url: batchUrl(config), headers: headers(config), body: '{"batch":[]}' };
}
