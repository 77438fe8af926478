// Turns a batch into the webhook's requests: one body per batch, or one per event for JSONOBJECT.
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { allIndices, encodeBodies, type ContentFormat, type LogBatch } from '@outflow/core';

const gzip = promisify(gzipCallback);

/** One request to make: its uncompressed body and the events it carries. */
export interface PlannedRequest {
  body: Buffer;
  /** Indices into the batch of the events in this body. */
  indices: readonly number[];
  logIds: readonly string[];
}

/** The requests for a batch (none for an empty batch). Bodies come from stored text, never re-serialized. */
export function planRequests(batch: LogBatch, format: ContentFormat): PlannedRequest[] {
  const bodies = encodeBodies(batch, format);
  if (format === 'JSONOBJECT') {
    return bodies.map((body, i) => ({ body, indices: [i], logIds: [batch.logIds[i] as string] }));
  }
  const all = allIndices(batch.length);
  return bodies.map((body) => ({ body, indices: all, logIds: batch.logIds }));
}

/** The bytes on the wire: the body itself, or its gzip. */
export async function compressBody(body: Buffer, compression: 'none' | 'gzip'): Promise<Buffer> {
  return compression === 'gzip' ? gzip(body) : body;
}
