// A stream's batches for given events, as its worker would form them: filter, chunk to the limits, PII.
import type { BatchLimits, EventFilter, LogBatch } from '@outflow/core';
import { DELIVERY_DEFAULTS } from './options.js';
import type { BatchTransform } from './pii.js';
import type { BatchOptions } from './types.js';

export interface PrepareOptions {
  /** The runner's delivery.batch limits (default DELIVERY_DEFAULTS.batch); the connector's limits apply too. */
  batch?: BatchOptions | undefined;
  /** Apply the stream's filters (default true); a test send delivers its event whatever the filters say. */
  filters?: boolean | undefined;
}

/** Events and bytes per read batch: the runner's batch options within the connector's limits. */
export function readLimits(batch: BatchOptions, limits: Pick<BatchLimits, 'maxEvents' | 'maxBytes'>): BatchOptions {
  return { maxEvents: Math.max(1, Math.min(batch.maxEvents, limits.maxEvents)), maxBytes: Math.max(1, Math.min(batch.maxBytes, limits.maxBytes)) };
}

/** Splits a batch into the batches a store read would return: at most maxEvents, at most maxBytes (one event at least). */
export function chunkBatch(batch: LogBatch, { maxEvents, maxBytes }: BatchOptions): LogBatch[] {
  const out: LogBatch[] = [];
  let start = 0;
  while (start < batch.length) {
    let end = start + 1;
    let bytes = batch.rawLength(start);
    while (end < batch.length && end - start < maxEvents && bytes + batch.rawLength(end) <= maxBytes) bytes += batch.rawLength(end++);
    out.push(batch.slice(start, end));
    start = end;
  }
  return out;
}

/** The batches the stream's connector would be handed: selected by the filter, chunked as reads are, PII applied to each. */
export function prepareBatches(
  stream: { filter: EventFilter | null; transform: BatchTransform | null; limits: Pick<BatchLimits, 'maxEvents' | 'maxBytes'> },
  batch: LogBatch,
  options: PrepareOptions = {},
): LogBatch[] {
  const { filter, transform } = stream;
  const selected = filter && options.filters !== false ? batch.pick(batch.types.flatMap((t, i) => (filter.matches(t) ? [i] : []))) : batch;
  const chunks = chunkBatch(selected, readLimits(options.batch ?? DELIVERY_DEFAULTS.batch, stream.limits));
  return transform ? chunks.map((c) => transform(c).batch).filter((b) => b.length > 0) : chunks;
}
