// The sample generator is deterministic, Auth0-sized and uses only catalog or legacy type codes.
import { CATALOG_CODE_COUNT, CODE_TO_CATEGORY, LEGACY_CODES } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { CATALOG, createEventGenerator, sampleEvents, sampleIndexOf } from '../src/index.js';

describe('sampleEvents', () => {
  it('is deterministic from the seed', () => {
    expect(JSON.stringify(sampleEvents(300, 7))).toBe(JSON.stringify(sampleEvents(300, 7)));
    expect(JSON.stringify(sampleEvents(50, 7))).not.toBe(JSON.stringify(sampleEvents(50, 8)));
  });

  it('averages 0.9–1.4 KB per event, like Auth0 tenant logs', () => {
    const events = sampleEvents(5000, 1);
    const avg = events.reduce((sum, e) => sum + Buffer.byteLength(JSON.stringify(e)), 0) / events.length;
    expect(avg).toBeGreaterThan(900);
    expect(avg).toBeLessThan(1400);
  });

  it('draws only catalog or legacy type codes, mostly the common ones', () => {
    expect(Object.keys(CATALOG)).toHaveLength(CATALOG_CODE_COUNT);
    const known = new Set([...Object.keys(CATALOG), ...LEGACY_CODES]);
    const events = sampleEvents(10_000, 3);
    for (const e of events) {
      expect(known.has(e.type), e.type).toBe(true);
      expect(Object.hasOwn(CODE_TO_CATEGORY, e.type), e.type).toBe(true);
    }
    const share = events.filter((e) => ['s', 'seacft', 'ssa', 'sertft', 'seccft', 'slo', 'fp', 'sapi'].includes(e.type)).length / events.length;
    expect(share).toBeGreaterThan(0.5);
    expect(new Set(events.map((e) => e.type)).size).toBeGreaterThan(60);
  });

  it('gives Auth0-shaped fields and 56-digit log_ids that end in the event index', () => {
    const gen = createEventGenerator({ seed: 11, start: Date.UTC(2026, 0, 2) });
    let last = '';
    for (let i = 0; i < 500; i++) {
      const e = gen.next();
      expect(e.log_id).toMatch(/^900\d{53}$/);
      expect(sampleIndexOf(e.log_id)).toBe(i);
      expect(e.date >= last).toBe(true);
      last = e.date;
      expect(Date.parse(e.date)).toBeGreaterThanOrEqual(Date.UTC(2026, 0, 2));
      expect(typeof e.description).toBe('string');
      expect(e.tenant_name).toBe('acme-prod');
      expect(e.$event_schema).toEqual({ version: '1.0.0' });
    }
    expect(gen.count).toBe(500);
    const s = sampleEvents(200, 5).find((e) => e.type === 's');
    expect(s).toMatchObject({ client_id: expect.any(String), user_id: expect.any(String), ip: expect.any(String), details: expect.any(Object) });
  });
});
