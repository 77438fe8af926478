// Sample envelopes, batches within limits, and the capturing logger.
import { describe, expect, it } from 'vitest';
import { captureLogger, sampleBatch, sampleBatchWithin, SAMPLE_TYPES } from '../src/index.js';

describe('sample envelopes', () => {
  it('are varied Auth0 events with unique 56-digit log_ids', () => {
    for (const t of ['s', 'f', 'fp', 'fu', 'ss', 'sapi', 'seacft', 'slo', 'w', 'gd_send_sms']) expect(SAMPLE_TYPES).toContain(t);
    const batch = sampleBatch(45);
    expect(new Set(batch.logIds).size).toBe(45);
    for (const id of batch.logIds) expect(id).toMatch(/^900\d{53}$/);
    const envelopes = batch.envelopes();
    expect(envelopes[0]?.data).toMatchObject({ type: 's', log_id: batch.logIds[0], date: '2026-01-01T00:00:00.000Z' });
    expect(envelopes.every((e) => e.data.log_id === e.log_id && typeof e.data.description === 'string')).toBe(true);
    expect(batch.seqs.slice(0, 3)).toEqual([1, 2, 3]);
  });

  it('fit the limits: events and bytes', () => {
    expect(sampleBatchWithin({ maxEvents: 5000, maxBytes: 64 * 1024 * 1024 }).length).toBe(1000);
    expect(sampleBatchWithin({ maxEvents: 50, maxBytes: 64 * 1024 * 1024 }).length).toBe(50);
    const small = sampleBatchWithin({ maxEvents: 1000, maxBytes: 20_000 });
    expect(small.length).toBeGreaterThan(0);
    expect(small.byteLength + small.length).toBeLessThan(20_000);
  });
});

describe('captureLogger', () => {
  it('keeps entries with child bindings and renders them as text', () => {
    const logs = captureLogger();
    logs.logger.child({ component: 'connector' }).warn({ status: 503 }, 'Request failed.');
    expect(logs.entries).toEqual([{ level: 'warn', fields: { component: 'connector', status: 503 }, msg: 'Request failed.' }]);
    expect(logs.text()).toContain('Request failed.');
    logs.clear();
    expect(logs.entries).toHaveLength(0);
  });
});
