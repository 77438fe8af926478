// Rate budgets shared by every runner of one store (ADR 0021): buckets in the database, the local limiter when it does not answer.
import type { Logger, SharedRateBuckets } from '@outflow/core';
import { decisionOf, type Bucket, type RateDecision, type RateLimiter } from './rate-limit.js';

export interface SharedRateLimiter {
  take(key: string, bucket: Bucket): Promise<RateDecision>;
  /** Stops the periodic sweep of full buckets. */
  close(): void;
}

export interface SharedRateLimiterOptions {
  buckets: SharedRateBuckets;
  /** Decides alone while the database fails or is slow (fail open to a per-runner budget, never to none). */
  local: RateLimiter;
  logger: Logger;
  now: () => number;
  /** A take slower than this is decided locally. Default 500 ms. */
  timeoutMs?: number;
  /** How often full buckets are deleted. Default 60 s. */
  sweepEveryMs?: number;
}

const TIMED_OUT = Symbol('timed out');

export function createSharedRateLimiter(o: SharedRateLimiterOptions): SharedRateLimiter {
  const timeoutMs = o.timeoutMs ?? 500;
  let warnedAt = -Infinity;
  let failures = 0;

  const fallBack = (key: string, bucket: Bucket, err: unknown): RateDecision => {
    failures++;
    const now = o.now();
    if (now - warnedAt >= 30_000) {
      o.logger.warn({ err, failures }, 'Rate limits are counted by this runner alone: the shared buckets in the database did not answer.');
      warnedAt = now;
      failures = 0;
    }
    return o.local.take(key, bucket);
  };

  const sweep = setInterval(() => {
    o.buckets.sweep().then(
      (deleted) => o.logger.debug({ deleted }, 'Deleted full rate buckets.'),
      (err: unknown) => o.logger.debug({ err }, 'Could not delete full rate buckets.'),
    );
  }, o.sweepEveryMs ?? 60_000);
  sweep.unref();

  return {
    async take(key, bucket) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs)));
      const taking = o.buckets.take(key, bucket.burst, bucket.requestsPerMinute);
      try {
        const got = await Promise.race([taking, late]);
        if (got === TIMED_OUT) {
          taking.catch(() => {});
          return fallBack(key, bucket, new Error(`No answer within ${timeoutMs} ms.`));
        }
        return decisionOf(bucket, got.allowed, got.tokens, got.at);
      } catch (err) {
        return fallBack(key, bucket, err);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => clearInterval(sweep),
  };
}
