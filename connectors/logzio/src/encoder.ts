// Turns a batch into the bulk listener's NDJSON body: per event, `@timestamp` spliced into its stored envelope.
import type { LogBatch } from '@outflow/core';

/** The listener's limits: a line (without its newline) and a request body. */
export const MAX_LINE_BYTES = 500_000;
export const MAX_BODY_BYTES = 10_485_760;

const NEWLINE = Buffer.from('\n');
const OPEN_BRACE = 0x7b;
/** An ISO 8601 instant, as Auth0 writes `date`. Anything else gets no `@timestamp` (Logz.io then stamps the arrival). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

export interface EncodedLines {
  /** One line per carried event, each ending in `\n`; empty when every event was refused. */
  body: Buffer;
  /** Batch positions of the events the body carries, in order. */
  indices: number[];
  /** Batch positions of the events whose line would exceed MAX_LINE_BYTES: refused, not sent. */
  oversized: number[];
}

/**
 * The stored envelope text, as one line starting with `{`. The store keeps one event per line, so
 * this is the stored bytes as they are; text from elsewhere with a newline is re-serialized.
 */
function envelopeText(raw: Buffer): Buffer {
  if (raw[0] === OPEN_BRACE && !raw.includes(0x0a)) return raw;
  return Buffer.from(JSON.stringify(JSON.parse(raw.toString('utf8'))));
}

/**
 * The pieces of one line, without its newline: `{"@timestamp":"<date>",` then the envelope after
 * its `{` (so `log_id` and `data` follow as stored), or the envelope alone when `date` is not an ISO instant.
 */
export function lineParts(envelope: Buffer, date: unknown): Buffer[] {
  const text = envelopeText(envelope);
  if (typeof date !== 'string' || !ISO_DATE.test(date)) return [text];
  return [Buffer.from(`{"@timestamp":"${date}",`), text.subarray(1)];
}

/** The NDJSON body of a batch; events whose line is over 500,000 bytes are left out and named. */
export function encodeLines(batch: LogBatch): EncodedLines {
  const envelopes = batch.envelopes();
  const parts: Buffer[] = [];
  const indices: number[] = [];
  const oversized: number[] = [];
  for (let i = 0; i < batch.length; i++) {
    const line = lineParts(batch.raw(i), envelopes[i]?.data?.date);
    let bytes = 0;
    for (const p of line) bytes += p.length;
    if (bytes > MAX_LINE_BYTES) {
      oversized.push(i);
      continue;
    }
    parts.push(...line, NEWLINE);
    indices.push(i);
  }
  return { body: Buffer.concat(parts), indices, oversized };
}
