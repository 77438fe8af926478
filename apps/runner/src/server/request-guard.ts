// Runs before routing: resolves the request's token once and spends its rate budget (429 when spent).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger, SharedRateBuckets } from '@outflow/core';
import type { RunnerConfig } from '../config/schema.js';
import type { Principal, TokenIndex } from './auth.js';
import { bucketOf, createRateLimiter, type Bucket } from './rate-limit.js';
import { HttpError } from './respond.js';
import { createSharedRateLimiter } from './shared-rate-limit.js';

export type RateLimitSettings = RunnerConfig['server']['rateLimit'];
type BudgetKind = 'management' | 'ingest';

/** Which budget a path spends: ingest, the management API, or none (liveness, static files). */
function kindOf(req: IncomingMessage): BudgetKind | null {
  const path = (req.url ?? '/').split('?')[0] as string;
  if (path === '/v1/logs' || path.startsWith('/v1/logs/')) return 'ingest';
  if (path === '/api' || path.startsWith('/api/')) return 'management';
  return null;
}

function bucketFor(settings: RateLimitSettings, p: Principal, kind: BudgetKind): Bucket | null {
  if (p.rateLimit === false) return null;
  const own = p.rateLimit?.[kind];
  if (own !== undefined) return bucketOf(own);
  return settings === false ? null : bucketOf(settings[kind]);
}

export type RequestGuard = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface RequestGuardOptions {
  tokens: TokenIndex;
  /** A function is read on each request (a config reload changes it). */
  rateLimit: RateLimitSettings | (() => RateLimitSettings);
  now: () => number;
  maxBuckets?: number;
  /** The store's buckets when runners share it (PostgreSQL): budgets then hold across runners. */
  shared?: SharedRateBuckets | undefined;
  logger?: Logger;
}

export function createRequestGuard(o: RequestGuardOptions): RequestGuard & { close(): void } {
  const settings = typeof o.rateLimit === 'function' ? o.rateLimit : () => o.rateLimit as RateLimitSettings;
  const local = createRateLimiter({ now: o.now, ...(o.maxBuckets ? { maxBuckets: o.maxBuckets } : {}) });
  const shared = o.shared && o.logger ? createSharedRateLimiter({ buckets: o.shared, local, logger: o.logger, now: o.now }) : null;
  const limiter = shared ?? local;
  const guard: RequestGuard = async (req, res) => {
    const principal = await o.tokens.resolve(req);
    const kind = principal ? kindOf(req) : null;
    const bucket = principal && kind ? bucketFor(settings(), principal, kind) : null;
    if (!principal || !kind || !bucket) return;
    const d = await limiter.take(`${principal.tokenId}:${kind}`, bucket);
    res.setHeader('x-ratelimit-limit', String(d.limit));
    res.setHeader('x-ratelimit-remaining', String(d.remaining));
    res.setHeader('x-ratelimit-reset', String(d.reset));
    if (!d.allowed) {
      throw new HttpError(
        429,
        `Too many requests: this token may make ${bucket.requestsPerMinute} ${kind} requests per minute in bursts of up to ${bucket.burst}; retry in ${d.retryAfter} s.`,
        'too_many_requests',
        {},
        { 'retry-after': String(d.retryAfter) },
      );
    }
  };
  return Object.assign(guard, { close: () => shared?.close() });
}
