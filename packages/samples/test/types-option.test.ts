// The generator's `types` option: only the given type codes, still seeded and shaped by the catalog.
import { describe, expect, it } from 'vitest';
import { sampleEvents } from '../src/index.js';

describe('sampleEvents with types', () => {
  it('draws only the given codes, the same ones for the same seed', () => {
    const events = sampleEvents(40, 7, { types: ['f', 'fp', 'not_a_catalog_code'] });
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(['f', 'fp', 'not_a_catalog_code']));
    expect(sampleEvents(40, 7, { types: ['f', 'fp', 'not_a_catalog_code'] })).toEqual(events);
    expect(events.every((e) => typeof e.log_id === 'string' && typeof e.description === 'string')).toBe(true);
  });

  it('keeps the usual mix when types is empty', () => {
    expect(sampleEvents(5, 7, { types: [] })).toEqual(sampleEvents(5, 7));
  });
});
