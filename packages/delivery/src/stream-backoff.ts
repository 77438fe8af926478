// One stream's round backoff: failed rounds count per stream, any success resets it and wakes every waiting batch.
import { clampRetryAfter, roundDelay } from './backoff.js';
import type { DeliveryOptions } from './types.js';

const WOKEN = 'An attempt of the stream succeeded.';

export interface StreamBackoff {
  /**
   * Aborts at the next success of any attempt of the stream. A batch takes it before an attempt
   * and waits on it afterwards, so a success in between is not missed.
   */
  readonly woken: AbortSignal;
  /** Failed round steps since the last success. */
  readonly failedRounds: number;
  /** An attempt succeeded: the count resets and every batch backing off tries again at once. */
  succeeded(): void;
  /**
   * A batch's round failed at `now`: ms until the stream's next round. The first failure after
   * the stream's next round time starts a new, longer step; batches failing within a step join it.
   */
  roundFailed(now: number, retryAfterMs: number | undefined): number;
}

export function createStreamBackoff(options: DeliveryOptions): StreamBackoff {
  let wake = new AbortController();
  let failedRounds = 0;
  let nextRoundAt = Number.NEGATIVE_INFINITY;
  return {
    get woken() {
      return wake.signal;
    },
    get failedRounds() {
      return failedRounds;
    },
    succeeded() {
      failedRounds = 0;
      nextRoundAt = Number.NEGATIVE_INFINITY;
      // A fixed reason: a default one is a DOMException with a stack, per success.
      wake.abort(WOKEN);
      wake = new AbortController();
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
