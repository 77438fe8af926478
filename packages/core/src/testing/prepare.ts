// Builds a PreparedBatch from event objects, as ingest would (for tests and benchmarks).
import { createLogIdGenerator } from '../log-id.js';
import type { PreparedBatch } from '../store.js';
import type { LogEnvelope, LogEvent } from '../types.js';

const ids = createLogIdGenerator('000000000001');

/** Envelopes for the events, assigning a log_id and date where missing. */
export function toEnvelopes(events: readonly LogEvent[], now = Date.now()): LogEnvelope[] {
  return events.map((e) => {
    const log_id = typeof e.log_id === 'string' ? e.log_id : ids.next(now);
    const date = typeof e.date === 'string' ? e.date : new Date(now).toISOString();
    const type = typeof e.type === 'string' ? e.type : 's';
    return { log_id, data: { ...e, log_id, date, type } };
  });
}

export function prepareBatch(tenant: string, events: readonly LogEvent[], now = Date.now()): PreparedBatch {
  const envelopes = toEnvelopes(events, now);
  const texts = envelopes.map((e) => `${JSON.stringify(e)}\n`);
  const lines = Buffer.from(texts.join(''));
  const ends = new Uint32Array(texts.length);
  let at = 0;
  texts.forEach((t, i) => {
    at += Buffer.byteLength(t);
    ends[i] = at;
  });
  return {
    tenant,
    lines,
    ends,
    logIds: envelopes.map((e) => e.log_id),
    types: envelopes.map((e) => e.data.type),
    dates: Float64Array.from(envelopes.map((e) => Date.parse(e.data.date))),
  };
}
