// API-given events (test send, preview) as the event log stores them; delivery's one path takes it from there.
import { createLogBatch, createLogIdGenerator, type LogBatch } from '@outflow/core';
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
