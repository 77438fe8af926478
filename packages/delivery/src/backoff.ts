// Delays between attempts (jittered, honouring Retry-After) and between failed rounds (growing, capped).
import type { DeliveryOptions } from './types.js';

/** Retry-After as the destination asked, clamped to `maxRetryAfter`; 0 when absent. */
export function clampRetryAfter(retryAfterMs: number | undefined, options: DeliveryOptions): number {
  if (retryAfterMs === undefined || !Number.isFinite(retryAfterMs) || retryAfterMs <= 0) return 0;
  return Math.min(retryAfterMs, options.maxRetryAfter);
}

/**
 * Delay before retry number `retry` (1 = the second attempt) of a round: a cap that doubles from
 * `initial` up to `max`, fully jittered; never shorter than the clamped Retry-After.
 */
export function attemptDelay(retry: number, retryAfterMs: number | undefined, options: DeliveryOptions, random: () => number): number {
  const { initial, max, jitter } = options.attemptBackoff;
  const cap = Math.min(max, initial * 2 ** Math.max(0, retry - 1));
  const base = jitter === 'none' ? cap : Math.floor(random() * cap);
  return Math.max(base, clampRetryAfter(retryAfterMs, options));
}

/** Delay after failed round number `failedRounds` (1 = the first) before the next round. */
export function roundDelay(failedRounds: number, retryAfterMs: number | undefined, options: DeliveryOptions): number {
  const { initial, multiplier, max } = options.roundBackoff;
  const grown = Math.min(max, initial * multiplier ** Math.max(0, failedRounds - 1));
  return Math.max(grown, clampRetryAfter(retryAfterMs, options));
}
