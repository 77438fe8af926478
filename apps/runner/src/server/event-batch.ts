// Turns API-given events into the batch a stream's worker would hand its connector: stored as
// ingest stores them, then the stream's filters and PII settings applied as delivery applies them.
import { compileFilter, createLogBatch, createLogIdGenerator, type LogBatch, type PiiConfig, type StreamFilter } from '@outflow/core';
import { createPiiTransform } from '@outflow/delivery';
import { parseBody } from '@outflow/ingest';
import { HttpError } from './respond.js';

const ids = createLogIdGenerator();

/** The events as the event log would store them (same envelope text as `POST /v1/logs`). */
export function storedBatch(events: readonly Record<string, unknown>[], tenant: string, now: number): LogBatch {
  const body = Buffer.from(events.map((e) => `${JSON.stringify(e)}\n`).join(''));
  const outcome = parseBody(body, 'ndjson', { tenant, now, ids, maxEvents: events.length });
  if (!outcome.ok) {
    const errors = outcome.issues.map((i) => ({ path: `events[${i.index}]`, message: i.message }));
    throw new HttpError(400, `Payload validation error: events: ${outcome.message}`, 'invalid_body', errors.length ? { errors } : {});
  }
  const { lines, ends, logIds, types } = outcome.batch;
  const raws: Buffer[] = [];
  let start = 0;
  for (const end of ends) {
    raws.push(lines.subarray(start, end - 1));
    start = end;
  }
  return createLogBatch({ seqs: raws.map((_, i) => i + 1), logIds, types, raws });
}

/** Keeps the events the stream's filters select and applies its pii_config, as its worker does. */
export async function deliveredForm(batch: LogBatch, filters: readonly StreamFilter[] | undefined, pii: PiiConfig | undefined): Promise<LogBatch> {
  const filter = compileFilter(filters);
  const selected = filter ? batch.pick(batch.types.flatMap((t, i) => (filter.matches(t) ? [i] : []))) : batch;
  const transform = await createPiiTransform(pii);
  return transform ? transform(selected).batch : selected;
}

/** Splits a batch into the batches a worker would read, under the connector's limits. */
export function chunked(batch: LogBatch, maxEvents: number, maxBytes: number): LogBatch[] {
  const out: LogBatch[] = [];
  let start = 0;
  while (start < batch.length) {
    let end = start + 1;
    let bytes = batch.raw(start).length;
    while (end < batch.length && end - start < maxEvents && bytes + batch.raw(end).length <= maxBytes) bytes += batch.raw(end++).length;
    out.push(batch.slice(start, end));
    start = end;
  }
  return out;
}
