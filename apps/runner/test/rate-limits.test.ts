// Per-token rate limits: X-RateLimit headers, 429 with Retry-After once the burst is spent, refill on the injected clock.
import { createManualClock, type ManualClock } from '@outflow/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../src/server/rate-limit.js';
import { baseConfig, startTestApp, TOKEN, TOKEN_B, type TestApp } from './support/app.js';
import { ingest, makeEvent } from './support/events.js';

const EXEMPT = 'exempt-token-123';
const GENEROUS = 'generous-token-123';

let app: TestApp;
let clock: ManualClock;
beforeAll(async () => {
  // Whole seconds, so X-RateLimit-Reset values are easy to predict.
  clock = createManualClock(Math.floor(Date.now() / 1000) * 1000);
  const yaml = baseConfig('')
    .replace(
      'server: { host: 127.0.0.1, port: 0 }',
      `server:
  host: 127.0.0.1
  port: 0
  rateLimit: { management: { requestsPerMinute: 60, burst: 3 }, ingest: { requestsPerMinute: 120, burst: 2 } }`,
    )
    .replace(
      'tokens:\n',
      `tokens:
  - { token: ${EXEMPT}, tenant: acme, scopes: [read:log_streams, ingest:logs], rateLimit: false }
  - { token: ${GENEROUS}, tenant: acme, scopes: [read:log_streams], rateLimit: { management: { requestsPerMinute: 600, burst: 10 } } }
`,
    );
  app = await startTestApp(yaml, clock);
});
afterAll(async () => app?.stop());

const list = (token: string) => fetch(`${app.url}/api/v2/log-streams`, { headers: { authorization: `Bearer ${token}` } });
const headers = (res: Response) => ({
  limit: res.headers.get('x-ratelimit-limit'),
  remaining: res.headers.get('x-ratelimit-remaining'),
  reset: res.headers.get('x-ratelimit-reset'),
});

describe('rate limits', () => {
  it('counts down the burst in the headers, then answers 429 with Retry-After, then allows again as the clock moves', async () => {
    const now = clock.now() / 1000;
    const answers = [await list(TOKEN), await list(TOKEN), await list(TOKEN)];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    // One request a second refills the bucket of 3: after n requests it is full again in n seconds.
    expect(answers.map(headers)).toEqual([
      { limit: '3', remaining: '2', reset: String(now + 1) },
      { limit: '3', remaining: '1', reset: String(now + 2) },
      { limit: '3', remaining: '0', reset: String(now + 3) },
    ]);
    const over = await list(TOKEN);
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBe('1');
    expect(headers(over)).toEqual({ limit: '3', remaining: '0', reset: String(now + 3) });
    const body = (await over.json()) as Record<string, unknown>;
    expect(body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: expect.stringMatching(/60 management requests per minute in bursts of up to 3; retry in 1 s/),
      errorCode: 'too_many_requests',
    });
    await clock.advance(999);
    expect((await list(TOKEN)).status).toBe(429);
    await clock.advance(1);
    const again = await list(TOKEN);
    expect(again.status).toBe(200);
    expect(headers(again).remaining).toBe('0');
    await clock.advance(60_000);
    expect(headers(await list(TOKEN))).toMatchObject({ limit: '3', remaining: '2' });
  });

  it('keeps separate budgets per token and for ingest, and a spent token still gets 429 before 403', async () => {
    await clock.advance(60_000);
    for (let i = 0; i < 3; i++) expect((await list(TOKEN)).status).toBe(200);
    expect((await list(TOKEN)).status).toBe(429);
    // Another token of the same tenant has its own bucket.
    expect((await list(TOKEN_B)).status).toBe(200);
    // Ingest spends its own budget: 2 at once, then 2 a second.
    const sent = [await ingest(app.url, TOKEN, [makeEvent()]), await ingest(app.url, TOKEN, [makeEvent()]), await ingest(app.url, TOKEN, [makeEvent()])];
    expect(sent.map((r) => r.status)).toEqual([202, 202, 429]);
    expect(sent[2]?.headers.get('x-ratelimit-limit')).toBe('2');
    expect(sent[2]?.headers.get('retry-after')).toBe('1');
    await clock.advance(500);
    expect((await ingest(app.url, TOKEN, [makeEvent()])).status).toBe(202);
    // The spent management budget applies to every management path, even one the token may not use.
    const del = await fetch(`${app.url}/api/v2/log-streams/lst_none`, { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(del.status).toBe(429);
  });

  it('honours per-token overrides from the config', async () => {
    await clock.advance(60_000);
    for (let i = 0; i < 20; i++) {
      const res = await list(EXEMPT);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-limit')).toBeNull();
    }
    const generous = [];
    for (let i = 0; i < 11; i++) generous.push(await list(GENEROUS));
    expect(generous.slice(0, 10).every((r) => r.status === 200)).toBe(true);
    expect(generous[0]?.headers.get('x-ratelimit-limit')).toBe('10');
    expect(generous[10]?.status).toBe(429);
  });

  it('leaves unauthenticated answers and /health without rate-limit headers', async () => {
    const health = await fetch(`${app.url}/health`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(health.status).toBe(200);
    expect(health.headers.get('x-ratelimit-limit')).toBeNull();
    const anonymous = await fetch(`${app.url}/api/v2/log-streams`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('x-ratelimit-limit')).toBeNull();
  });
});

describe('the rate limiter', () => {
  it('keeps memory bounded with many tokens: full buckets go first, then the least recently used', () => {
    let now = 0;
    const limiter = createRateLimiter({ now: () => now, maxBuckets: 100 });
    const bucket = { requestsPerMinute: 60, burst: 5 };
    for (let i = 0; i < 10_000; i++) limiter.take(`tok_${i}`, bucket);
    expect(limiter.size()).toBeLessThanOrEqual(100);
    // A busy token that is used all along keeps its (spent) bucket while thousands of others come and go.
    for (let i = 0; i < 5; i++) limiter.take('busy', bucket);
    for (let i = 0; i < 1000; i++) {
      limiter.take(`other_${i}`, bucket);
      if (i % 50 === 0) expect(limiter.take('busy', bucket).allowed).toBe(false);
    }
    expect(limiter.size()).toBeLessThanOrEqual(100);
    now += 60_000;
    expect(limiter.take('busy', bucket)).toMatchObject({ allowed: true, remaining: 4 });
  });
});
