// One stream's round backoff: failed rounds count per stream, any success resets it and wakes every waiting batch.
import { clampRetryAfter, roundDelay } from './backoff.js';
import type { DeliveryOptions } from './types.js';

const WOKEN = 'An attempt of the stream succeeded.';

export interface StreamBackoff {
  /**
   * Successes of the stream's attempts so far. A batch notes it before an attempt and waits with
   * it afterwards (`wakeSignal`), so a success in between is not missed.
   */
  readonly successes: number;
  /** Failed round steps since the last success. */
  readonly failedRounds: number;
  /** An attempt succeeded: the count resets and every batch backing off tries again at once. */
  succeeded(): void;
  /** Aborts at the next success; made only when a batch waits, so a success costs nothing otherwise. */
  wakeSignal(): AbortSignal;
  /**
   * A batch's round failed at `now`: ms until the stream's next round. The first failure after
   * the stream's next round time starts a new, longer step; batches failing within a step join it.
   */
  roundFailed(now: number, retryAfterMs: number | undefined): number;
}

export function createStreamBackoff(options: DeliveryOptions): StreamBackoff {
  let wake: AbortController | null = null;
  let successes = 0;
  let failedRounds = 0;
  let nextRoundAt = Number.NEGATIVE_INFINITY;
  return {
    get successes() {
      return successes;
    },
    get failedRounds() {
      return failedRounds;
    },
    succeeded() {
      successes++;
      failedRounds = 0;
      nextRoundAt = Number.NEGATIVE_INFINITY;
      // A fixed reason: a default one is a DOMException with a stack.
      wake?.abort(WOKEN);
      wake = null;
    },
    wakeSignal() {
      wake ??= new AbortController();
      return wake.signal;
    },
    roundFailed(now, retryAfterMs) {
      if (now >= nextRoundAt) {
        failedRounds++;
        nextRoundAt = now + roundDelay(failedRounds, retryAfterMs, options);
      } else {
        nextRoundAt = Math.max(nextRoundAt, now + clampRetryAfter(retryAfterMs, options));
      }
      return nextRoundAt - now;
    },
  };
}
