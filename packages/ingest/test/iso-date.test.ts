// ISO 8601 dates: regex + Date.parse + a real calendar day, and the fast path agreeing wherever it answers.
import { describe, expect, it } from 'vitest';
import { fastIsoDateMs, isoDateMs } from '../src/iso-date.js';
import { createRng, dateText } from './json-gen.js';
import { realDay } from './reference-parse.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const fast = (s: string) => fastIsoDateMs(Buffer.from(s), 0, Buffer.byteLength(s));

describe('ISO dates', () => {
  it('takes the fast path only where regex + Date.parse + calendar day agree, on 100,000 random date texts', () => {
    const r = createRng(7);
    let fastHits = 0;
    for (let i = 0; i < 100_000; i++) {
      const s = dateText(r);
      const slow = ISO_DATE.test(s) && realDay(s) ? Date.parse(s) : NaN;
      expect(isoDateMs(s)).toBe(slow);
      const ms = fast(s);
      if (Number.isNaN(ms)) continue;
      fastHits++;
      if (ms !== slow) throw new Error(`${s}: fast ${ms}, Date.parse ${slow}`);
    }
    expect(fastHits).toBeGreaterThan(10_000);
  });

  it('reads every millisecond of the common shapes exactly', () => {
    for (let t = Date.UTC(-1, 0, 1); t < Date.UTC(10000, 0, 1); t += 86_400_000 * 97 + 3_600_000 * 7 + 61_001 * 13 + 7) {
      const iso = new Date(t).toISOString();
      if (iso.length !== 24) continue;
      expect([iso, fast(iso)]).toEqual([iso, t]);
      const noMs = iso.slice(0, 19) + 'Z';
      expect([noMs, fast(noMs)]).toEqual([noMs, Date.parse(noMs)]);
      const tenths = iso.slice(0, 21) + 'Z';
      expect([tenths, fast(tenths)]).toEqual([tenths, Date.parse(tenths)]);
    }
  });

  it('leaves offsets, other shapes and out-of-range parts to the general check', () => {
    for (const s of [
      '2026-01-01T10:30:00+02:00',
      '2026-01-01T10:30Z',
      '2026-01-01T24:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-02-29T00:00:00Z',
      '2026-01-01T00:00:00.1234Z',
      '2026-01-01 00:00:00Z',
      '2026-01-01T00:00:60Z',
    ]) {
      expect([s, fast(s)]).toEqual([s, NaN]);
    }
    expect(fast('2024-02-29T00:00:00Z')).toBe(Date.parse('2024-02-29T00:00:00Z'));
  });

  it('refuses impossible calendar dates and times on both paths, and keeps ISO 8601 end of day', () => {
    const refused = [
      '2026-02-30T00:00:00Z',
      '2026-02-30T00:00:00.000Z',
      '2026-02-30T00:00:00+01:00',
      '2026-04-31T12:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-00-10T00:00:00Z',
      '2026-01-00T00:00:00Z',
      '2025-02-29T00:00:00Z',
      '1900-02-29T00:00:00Z',
      '2026-01-01T24:00:01Z',
      '2026-01-01T24:30Z',
      '2026-01-01T25:00:00Z',
      '2026-01-01T23:60:00Z',
      '2026-01-01T23:59:60Z',
      '2026-01-01T10:00:00+05:60',
    ];
    for (const s of refused) expect([s, isoDateMs(s), fast(s)]).toEqual([s, NaN, NaN]);
    expect(isoDateMs('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
    expect(isoDateMs('2000-02-29T00:00:00+02:00')).toBe(Date.UTC(2000, 1, 28, 22));
    expect(isoDateMs('2026-01-31T24:00:00Z')).toBe(Date.UTC(2026, 1, 1));
  });
});
