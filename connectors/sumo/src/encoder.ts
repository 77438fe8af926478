// Turns a batch into Sumo request bodies: one stored `{log_id, data}` envelope per line, at most 1 MB (uncompressed) per body.
import type { LogBatch } from '@outflow/core';

/** Sumo: "send batched requests up to but not exceeding 1MB of uncompressed data". Decimal MB, the stricter reading. */
export const MAX_BODY_BYTES = 1_000_000;

/** JSON lines; any Content-Type that is not one of Sumo's metric types is ingested as logs. */
export const CONTENT_TYPE = 'application/x-ndjson';

/** One body and the batch indices of the events it carries. */
export interface SumoBody {
  body: Buffer;
  indices: number[];
}

/**
 * The batch as JSON lines (the stored envelope text, never parsed or re-serialized), in bodies of at
 * most `max` bytes. The platform's limits already keep a batch under 1 MB, so this is one body in
 * practice; the split is the guarantee. An event is never cut: a line longer than `max` gets a body of its own.
 */
export function encodeBodies(batch: LogBatch, max = MAX_BODY_BYTES): SumoBody[] {
  if (batch.byteLength + batch.length <= max) return [{ body: batch.jsonLines(), indices: Array.from({ length: batch.length }, (_, i) => i) }];
  const bodies: SumoBody[] = [];
  let indices: number[] = [];
  let size = 0;
  for (let i = 0; i < batch.length; i++) {
    const line = batch.rawLength(i) + 1;
    if (indices.length > 0 && size + line > max) {
      bodies.push({ body: batch.pick(indices).jsonLines(), indices });
      indices = [];
      size = 0;
    }
    indices.push(i);
    size += line;
  }
  if (indices.length > 0) bodies.push({ body: batch.pick(indices).jsonLines(), indices });
  return bodies;
}
