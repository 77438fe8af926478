// Golden entries: Detail is the stored envelope text byte for byte; Time, Source, DetailType, bus; packing into calls.
import { batchFromEnvelopes, createLogBatch } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { buildEntries, planCalls } from '../src/index.js';
import { GOLDEN, makeBatch } from './fixtures.js';

const settings = { source: 'outflow.auth0', detailType: 'Auth0 log', eventBusName: 'default' };

describe('PutEvents entries', () => {
  it('encodes the golden envelope exactly', () => {
    const [planned] = buildEntries(batchFromEnvelopes([GOLDEN]), settings);
    const detail = JSON.stringify(GOLDEN);
    expect(planned).toEqual({
      index: 0,
      entry: { Source: 'outflow.auth0', DetailType: 'Auth0 log', Detail: detail, EventBusName: 'default', Time: new Date('2026-01-01T00:00:05.123Z') },
      size: 14 + 'outflow.auth0'.length + 'Auth0 log'.length + Buffer.byteLength(detail) + 'default'.length,
    });
  });

  it('with cloudEventsTenant, Detail is the golden CloudEvent of the event', () => {
    const [planned] = buildEntries(batchFromEnvelopes([GOLDEN]), { ...settings, cloudEventsTenant: 'acme' });
    const detail = JSON.stringify({
      specversion: '1.0',
      id: GOLDEN.log_id,
      source: 'urn:auth0:acme',
      type: 'com.auth0.log.fp',
      time: '2026-01-01T00:00:05.123Z',
      subject: 'auth0|65a1f0c2e4b0a1b2c3d4e5f7',
      datacontenttype: 'application/json',
      a0tenant: 'acme',
      data: GOLDEN.data,
    });
    expect(planned?.entry.Detail).toBe(detail);
    expect(planned?.size).toBe(14 + 'outflow.auth0'.length + 'Auth0 log'.length + Buffer.byteLength(detail) + 'default'.length);
  });

  it('uses the stored text as Detail without re-serializing it', () => {
    // Spacing, key order and escapes a re-serialization would change.
    const raw = '{ "log_id" : "L1",\n  "data": {"type":"s","date":"2026-01-01T00:00:00Z","log_id":"L1","description":"caf\\u00e9 ✓"} }';
    const batch = createLogBatch({ seqs: [1], logIds: ['L1'], types: ['s'], raws: [Buffer.from(raw)] });
    const [planned] = buildEntries(batch, settings);
    expect(planned?.entry.Detail).toBe(raw);
    expect(planned?.size).toBe(14 + 13 + 9 + 7 + Buffer.byteLength(raw));
  });

  it('omits Time when data.date does not parse, so EventBridge uses the receive time', () => {
    const [planned] = buildEntries(makeBatch(1, { date: 'yesterday' }), settings);
    expect(planned?.entry).not.toHaveProperty('Time');
  });

  it('packs at most 10 entries per call', () => {
    const { calls, oversized } = planCalls(buildEntries(makeBatch(23), settings), 256 * 1024);
    expect(calls.map((c) => c.length)).toEqual([10, 10, 3]);
    expect(calls.flat().map((e) => e.index)).toEqual(Array.from({ length: 23 }, (_, i) => i));
    expect(oversized).toEqual([]);
  });

  it('packs by size and sets apart entries that can never fit', () => {
    const entries = buildEntries(makeBatch(6), settings);
    const size = (entries[0] as { size: number }).size;
    const big = buildEntries(makeBatch(1, { blob: 'x'.repeat(5000) }), settings)[0];
    const mixed = [...entries.slice(0, 3), { ...(big as NonNullable<typeof big>), index: 3 }, ...entries.slice(3).map((e, i) => ({ ...e, index: 4 + i }))];
    const { calls, oversized } = planCalls(mixed, size * 2);
    expect(calls.map((c) => c.map((e) => e.index))).toEqual([
      [0, 1],
      [2, 4],
      [5, 6],
    ]);
    expect(oversized.map((e) => e.index)).toEqual([3]);
  });
});
