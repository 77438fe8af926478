// Sends one batch through @segment/analytics-node: a client per send, flushAt = batch size, no retries, each event's fate collected.
import { Analytics } from '@segment/analytics-node';
import type { SegmentTransport } from './transport.js';
import type { TrackMessage } from './types.js';

/** Segment's limit per event. */
export const MAX_EVENT_BYTES = 32 * 1024;
/** What the client adds to each event (type, context.library, _metadata, integrations), rounded up. */
const CLIENT_OVERHEAD_BYTES = 512;

export interface PublishSettings {
  writeKey: string;
  /** Full URL of the batch endpoint. */
  url: string;
  timeoutMs: number;
  transport: SegmentTransport;
  signal: AbortSignal;
}

/** Why each event was not delivered, by batch index (absent = delivered). */
export type PublishFailures = Map<number, unknown>;

/** An event the client neither delivered nor failed (a flush that timed out). */
export class NoOutcomeError extends Error {
  override readonly name = 'NoOutcomeError';
}

/** An event over Segment's 32 KB, refused before it reaches the client. */
export class EventTooLargeError extends Error {
  override readonly name = 'EventTooLargeError';
}

/**
 * Events over 32 KB are kept away from the client: Segment would drop them silently (its answer is
 * still 200), and the client's own size check undercounts ASCII text and, when it does refuse an
 * event, leaves the events after it waiting for a flush timer instead of the current flush.
 */
function oversized(message: TrackMessage): boolean {
  return Buffer.byteLength(JSON.stringify(message)) + CLIENT_OVERHEAD_BYTES > MAX_EVENT_BYTES;
}

/**
 * One Analytics instance per send keeps sends independent: its batch, rate-limit state and flush
 * lock are not shared, and flushAt = the number of events makes it one request. An event counts
 * as delivered only when its request got a 2xx (the client then emits 'track' for it).
 */
export async function publish(messages: readonly TrackMessage[], settings: PublishSettings): Promise<PublishFailures> {
  const failures: PublishFailures = new Map();
  const sendable: number[] = [];
  messages.forEach((m, i) => (oversized(m) ? failures.set(i, new EventTooLargeError('The event is larger than Segment\'s 32 KB per event.')) : sendable.push(i)));
  if (sendable.length === 0) return failures;

  // Ends with this send: a request the client might still start later (a leftover flush timer) is refused at once.
  const done = new AbortController();
  const { origin, pathname } = new URL(settings.url);
  const analytics = new Analytics({
    writeKey: settings.writeKey,
    host: origin,
    path: pathname,
    maxRetries: 0,
    flushAt: sendable.length,
    flushInterval: settings.timeoutMs + 60_000,
    httpRequestTimeout: settings.timeoutMs,
    httpClient: settings.transport.clientFor(AbortSignal.any([settings.signal, done.signal])),
  });
  const byId = new Map<string, number[]>();
  for (const i of sendable) {
    const id = (messages[i] as TrackMessage).messageId;
    byId.set(id, [...(byId.get(id) ?? []), i]);
  }
  const delivered = new Set<number>();
  const indicesOf = (ctx: unknown): number[] => byId.get(String((ctx as { event?: { messageId?: unknown } } | undefined)?.event?.messageId)) ?? [];
  analytics.on('track', (ctx) => indicesOf(ctx).forEach((i) => delivered.add(i)));
  analytics.on('error', (err) => indicesOf(err.ctx).forEach((i) => failures.set(i, err.reason)));

  for (const i of sendable) {
    try {
      analytics.track(messages[i] as TrackMessage);
    } catch (err) {
      failures.set(i, err);
    }
  }
  try {
    await analytics.closeAndFlush({ timeout: settings.timeoutMs + 5_000 });
  } finally {
    done.abort(new DOMException('The send is over.', 'AbortError'));
  }
  for (const i of sendable) {
    if (delivered.has(i)) failures.delete(i);
    else if (!failures.has(i)) failures.set(i, new NoOutcomeError('The Segment client did not report an outcome for the event.'));
  }
  return failures;
}
