// A fake Segment Tracking API: POST /v1/batch with Basic auth of the write key, size limits, messageId dedup.
import { startFakeServer, type FakeAnswer, type FakeServer, type RecordedRequest } from '../fake-server.js';

export interface SegmentFakeOptions {
  /** The write key the fake accepts. Default `fake-segment-write-key`. */
  writeKey?: string;
}

/** One item of a `{"batch": [...]}` body, as Segment received it. */
export interface SegmentMessage {
  type: string;
  messageId?: string;
  userId?: string;
  anonymousId?: string;
  event?: string;
  timestamp?: string;
  properties?: Record<string, unknown>;
  context?: Record<string, unknown>;
  [field: string]: unknown;
}

export interface SegmentFake extends FakeServer {
  writeKey: string;
  /** Every message of the accepted batches, in order (duplicates included). */
  messages(): SegmentMessage[];
  /** Distinct messageIds accepted: what Segment keeps after deduplication. */
  uniqueMessageIds(): Set<string>;
  /** Messages dropped for being over 32 KB (Segment answers 200 and drops them). */
  dropped(): SegmentMessage[];
}

/** Segment's documented request limits. */
export const SEGMENT_MAX_BATCH_BYTES = 500 * 1024;
export const SEGMENT_MAX_MESSAGE_BYTES = 32 * 1024;

/** The write key of a request: Basic `base64(<writeKey>:)`, else a `writeKey` field in the body. */
export function segmentWriteKeyOf(req: RecordedRequest, body?: { writeKey?: unknown }): string | undefined {
  const header = String(req.headers.authorization ?? '');
  if (header.startsWith('Basic ')) {
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon >= 0 ? decoded.slice(0, colon) : decoded;
  }
  return typeof body?.writeKey === 'string' ? body.writeKey : undefined;
}

/** Is this a `/v1/batch` request carrying at least one message (not an empty probe)? */
export function isSegmentDelivery(req: RecordedRequest): boolean {
  if (req.method !== 'POST' || !req.path.endsWith('/v1/batch')) return false;
  try {
    const body = req.json<{ batch?: unknown }>();
    return Array.isArray(body.batch) && body.batch.length > 0;
  } catch {
    return true;
  }
}

const answer = (status: number, body: object): FakeAnswer => ({ status, body });

export async function startSegmentFake(options: SegmentFakeOptions = {}): Promise<SegmentFake> {
  const writeKey = options.writeKey ?? 'fake-segment-write-key';
  const accepted: SegmentMessage[] = [];
  const dropped: SegmentMessage[] = [];

  const server = await startFakeServer((req) => {
    if (req.method !== 'POST' || !req.path.endsWith('/v1/batch')) return answer(404, { success: false, message: 'Not found.' });
    if (req.body.length > SEGMENT_MAX_BATCH_BYTES) return answer(400, { success: false, message: 'Request is larger than 500 KB.' });
    let body: { batch?: unknown; writeKey?: unknown };
    try {
      body = req.json();
    } catch {
      return answer(400, { success: false, message: 'Invalid JSON.' });
    }
    const key = segmentWriteKeyOf(req, body);
    if (!key) return answer(401, { success: false, message: 'Missing write key.' });
    if (key !== writeKey) return answer(401, { success: false, message: 'Invalid write key.' });
    if (!Array.isArray(body.batch)) return answer(400, { success: false, message: 'The body has no batch array.' });
    for (const message of body.batch as SegmentMessage[]) {
      const size = Buffer.byteLength(JSON.stringify(message));
      const valid = message && typeof message.type === 'string' && (message.userId || message.anonymousId);
      if (!valid || size > SEGMENT_MAX_MESSAGE_BYTES) dropped.push(message);
      else accepted.push(message);
    }
    return answer(200, { success: true });
  });
  const reset = server.reset;
  return Object.assign(server, {
    writeKey,
    messages: () => [...accepted],
    uniqueMessageIds: () => new Set(accepted.map((m) => m.messageId).filter((id): id is string => typeof id === 'string')),
    dropped: () => [...dropped],
    reset: () => {
      reset();
      accepted.length = 0;
      dropped.length = 0;
    },
  });
}
