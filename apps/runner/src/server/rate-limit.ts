// Per-token request budgets: token buckets on the injected clock, bounded in number.
import type { RateBudget } from '../config/schema.js';

export interface Bucket {
  /** Requests allowed at once (the bucket size). */
  burst: number;
  /** Sustained requests per minute (the refill rate). */
  requestsPerMinute: number;
}

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** When the bucket is full again, epoch seconds (as Auth0's X-RateLimit-Reset). */
  reset: number;
  /** Seconds until the next request is allowed (0 when allowed). */
  retryAfter: number;
}

export interface RateLimiter {
  take(key: string, bucket: Bucket): RateDecision;
  /** Buckets held in memory. */
  size(): number;
}

/** The bucket a budget describes, or null when it is off (false or 0 per minute). */
export function bucketOf(budget: RateBudget | undefined): Bucket | null {
  if (!budget || budget.requestsPerMinute <= 0) return null;
  return { requestsPerMinute: budget.requestsPerMinute, burst: budget.burst ?? Math.max(1, Math.ceil(budget.requestsPerMinute / 6)) };
}

/** The answer for a bucket left with `left` tokens at `now` (epoch ms) after a take that was `allowed` or not. */
export function decisionOf(bucket: Bucket, allowed: boolean, left: number, now: number): RateDecision {
  const perMs = bucket.requestsPerMinute / 60_000;
  return {
    allowed,
    limit: bucket.burst,
    remaining: Math.max(0, Math.floor(left)),
    reset: Math.ceil((now + (bucket.burst - left) / perMs) / 1000),
    retryAfter: allowed ? 0 : Math.max(1, Math.ceil((1 - left) / perMs / 1000)),
  };
}

interface State {
  tokens: number;
  at: number;
}

export function createRateLimiter(o: { now: () => number; maxBuckets?: number }): RateLimiter {
  const max = o.maxBuckets ?? 10_000;
  // Insertion order doubles as least-recently-used order: each take re-inserts its key.
  const buckets = new Map<string, State & { bucket: Bucket }>();
  const level = (s: State, b: Bucket, now: number) => Math.min(b.burst, s.tokens + (Math.max(0, now - s.at) * b.requestsPerMinute) / 60_000);

  /** A full bucket is the same as no bucket, so those go first; then the least recently used. */
  const shrink = (now: number) => {
    for (const [key, s] of buckets) if (level(s, s.bucket, now) >= s.bucket.burst) buckets.delete(key);
    const target = Math.floor(max * 0.9);
    for (const key of buckets.keys()) {
      if (buckets.size <= target) break;
      buckets.delete(key);
    }
  };

  return {
    take(key, bucket) {
      const now = o.now();
      const previous = buckets.get(key);
      buckets.delete(key);
      const tokens =
        previous && previous.bucket.burst === bucket.burst && previous.bucket.requestsPerMinute === bucket.requestsPerMinute
          ? level(previous, bucket, now)
          : bucket.burst;
      const allowed = tokens >= 1;
      const left = allowed ? tokens - 1 : tokens;
      buckets.set(key, { tokens: left, at: now, bucket });
      if (buckets.size > max) shrink(now);
      return decisionOf(bucket, allowed, left, now);
    },
    size: () => buckets.size,
  };
}
