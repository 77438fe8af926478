// Delivery options: defaults, partial merging, checks, and the backoff formulas.
import { describe, expect, it } from 'vitest';
import { attemptDelay, DELIVERY_DEFAULTS, resolveOptions, roundDelay } from '../src/index.js';

describe('delivery options', () => {
  it('has the documented defaults', () => {
    expect(resolveOptions()).toEqual({
      attemptsPerRound: 3,
      attemptBackoff: { initial: 1000, max: 10_000, jitter: 'full' },
      maxRetryAfter: 300_000,
      roundBackoff: { initial: 30_000, multiplier: 2, max: 600_000 },
      suspendAfter: 7 * 86_400_000,
      retention: 30 * 86_400_000,
      retentionCheckInterval: 3_600_000,
      healthRetention: 30 * 86_400_000,
      batch: { maxEvents: 500, maxBytes: 4 * 1024 * 1024 },
      attemptTimeout: 30_000,
      concurrency: 2,
      maxInflightBytes: 32 * 1024 * 1024,
      maxInflightBatches: 128,
    });
  });

  it('merges nested options field by field and refuses nonsense', () => {
    const o = resolveOptions({ attemptBackoff: { initial: 10 }, batch: { maxEvents: 50 }, concurrency: 2, retention: undefined });
    expect(o.attemptBackoff).toEqual({ initial: 10, max: 10_000, jitter: 'full' });
    expect(o.batch).toEqual({ maxEvents: 50, maxBytes: 4 * 1024 * 1024 });
    expect(o.retention).toBe(DELIVERY_DEFAULTS.retention);
    expect(() => resolveOptions({ attemptsPerRound: 0 })).toThrow(RangeError);
    expect(() => resolveOptions({ suspendAfter: -1 })).toThrow(/suspendAfter/);
  });

  it('computes attempt delays: doubling cap, full jitter, Retry-After as a floor, clamped', () => {
    const o = resolveOptions({ maxRetryAfter: 5000 });
    expect([1, 2, 3, 4, 5, 6].map((n) => attemptDelay(n, undefined, o, () => 0.999999))).toEqual([999, 1999, 3999, 7999, 9999, 9999]);
    expect(attemptDelay(1, undefined, o, () => 0)).toBe(0);
    expect(attemptDelay(1, 3000, o, () => 0)).toBe(3000);
    expect(attemptDelay(1, 60_000, o, () => 0)).toBe(5000);
    expect(attemptDelay(2, undefined, resolveOptions({ attemptBackoff: { jitter: 'none' } }), () => 0)).toBe(2000);
  });

  it('computes round delays: growing by the multiplier, capped, never below Retry-After', () => {
    const o = resolveOptions();
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => roundDelay(n, undefined, o))).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 600_000, 600_000]);
    expect(roundDelay(1, 120_000, o)).toBe(120_000);
  });
});
