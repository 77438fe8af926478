// Test batches: `n` envelopes of one tenant as the ingest path prepares them.
import type { LogEnvelope, PreparedBatch } from '@outflow/core';

let counter = 0;

export function batchOf(tenant: string, n: number, type = 's'): PreparedBatch {
  const texts: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = ++counter;
    const log_id = `900${String(k).padStart(53, '0')}`;
    const envelope: LogEnvelope = { log_id, data: { log_id, type, date: new Date(Date.UTC(2026, 0, 1) + k).toISOString(), tenant, k } };
    texts.push(`${JSON.stringify(envelope)}\n`);
  }
  const lines = Buffer.from(texts.join(''));
  const ends = new Uint32Array(n);
  let at = 0;
  texts.forEach((t, i) => {
    at += Buffer.byteLength(t);
    ends[i] = at;
  });
  return {
    tenant,
    lines,
    ends,
    logIds: texts.map((t) => (JSON.parse(t) as LogEnvelope).log_id),
    types: texts.map(() => type),
    dates: Float64Array.from(texts.map((_, i) => Date.UTC(2026, 0, 1) + i)),
  };
}
