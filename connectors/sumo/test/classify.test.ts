// Sumo's answers, as the connector classifies them through the fake source: auth, config, throttling, retries, refusals.
import { startSumoFake, sumoError, sumoThrottled, SUMO_FAKE_TOKEN, type SumoFake } from '@outflow/connector-testkit/fakes/sumo';
import { seriesBatch, testContext } from '@outflow/connector-testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SUMO_LIMITS } from '../src/index.js';
import { connect, GOLDEN_ENVELOPE, goldenBatch, never } from './fixtures.js';

let fake: SumoFake;
beforeEach(async () => {
  fake = await startSumoFake();
});
afterEach(() => fake.close());

const failure = async (answer: Parameters<SumoFake['enqueue']>[0]) => {
  fake.enqueue(answer);
  const c = connect({ sumoSourceAddress: fake.sourceAddress });
  const result = await c.send(goldenBatch(), never());
  await c.close();
  expect(fake.deliveries()).toHaveLength(1);
  return result;
};

describe('classification', () => {
  it('401 from a wrong source code or token: permanent auth, telling what to fix, without the address', async () => {
    const c = connect({ sumoSourceAddress: `${fake.url}/receiver/v1/http/ZaVnC4dhaV3wrongCode0123456789` });
    const result = await c.send(goldenBatch(), never());
    expect(result).toMatchObject({ status: 'permanent', error: { kind: 'auth', details: { status: 401 } } });
    expect(result.status === 'permanent' && result.error.message).toMatch(/source URL or x-sumo-token is missing, invalid or was regenerated/);
    expect(JSON.stringify(result)).not.toContain('ZaVnC4dhaV3wrongCode');
    const t = connect({ sumoEndpoint: fake.endpoint, sumoToken: 'wrong-token-0123456789' });
    expect(await t.send(goldenBatch(), never())).toMatchObject({ status: 'permanent', error: { kind: 'auth' } });
    await Promise.all([c.close(), t.close()]);
  });

  it('404 and 405: permanent config (nothing is dead-lettered for a wrong URL)', async () => {
    const c = connect({ sumoSourceAddress: `${fake.url}/not/a/receiver` });
    const result = await c.send(goldenBatch(), never());
    expect(result).toMatchObject({ status: 'permanent', error: { kind: 'config', details: { status: 404 } } });
    expect(result.status === 'permanent' && result.error.message).toMatch(/no HTTP source at this URL/);
    await c.close();
    expect(await failure(sumoError(405, 'Method not allowed.'))).toMatchObject({ status: 'permanent', error: { kind: 'config' } });
  });

  it('429: throttled, retryable after Retry-After', async () => {
    const result = await failure(sumoThrottled(7));
    expect(result).toMatchObject({ status: 'retryable', retryAfterMs: 7000, error: { kind: 'throttled', details: { status: 429 } } });
    expect(result.status === 'retryable' && result.error.details.responseBody).toMatch(/exceeded your Sumo Logic quota/);
  });

  it('408 (accepted, timed out), 503 and 504: retryable transient', async () => {
    for (const status of [408, 503, 504]) {
      fake.reset();
      expect(await failure(sumoError(status, 'x')), String(status)).toMatchObject({ status: 'retryable', error: { kind: 'transient' } });
    }
  });

  it('400 and 413: permanent invalid (the platform splits; 413 is marked too large)', async () => {
    expect(await failure(sumoError(400, 'Bad request.'))).toMatchObject({ status: 'permanent', error: { kind: 'invalid' } });
    fake.reset();
    expect(await failure(sumoError(413, 'Too large.'))).toMatchObject({ status: 'permanent', error: { kind: 'invalid', details: { tooLarge: true } } });
  });

  it('a full batch at the limits is one request the source accepts', async () => {
    const c = connect({ sumoSourceAddress: fake.sourceAddress });
    const filler = 'x'.repeat(400);
    const batch = seriesBatch(GOLDEN_ENVELOPE, 2000, { filler }).slice(0, 1);
    expect(await c.send(batch, never())).toEqual({ status: 'success' });
    const big = seriesBatch(GOLDEN_ENVELOPE, 1500, { filler });
    // Over 1 MB: the connector splits it into bodies the source accepts, one after the other.
    expect(big.byteLength).toBeGreaterThan(SUMO_LIMITS.maxBytes);
    expect(await c.send(big, never())).toEqual({ status: 'success' });
    expect(fake.deliveries().length).toBeGreaterThanOrEqual(3);
    expect(new Set(fake.logIds()).size).toBe(1500);
    await c.close();
  });
});

describe('healthcheck', () => {
  it('probes with HEAD: healthy with the right address or token, auth or config otherwise, and writes nothing', async () => {
    const ok = connect({ sumoSourceAddress: fake.sourceAddress });
    expect(await ok.healthcheck(never())).toMatchObject({ ok: true });
    const token = connect({ sumoEndpoint: fake.endpoint, sumoToken: SUMO_FAKE_TOKEN });
    expect(await token.healthcheck(never())).toMatchObject({ ok: true });
    const bad = connect({ sumoEndpoint: fake.endpoint, sumoToken: 'wrong-token-0123456789' });
    expect(await bad.healthcheck(never())).toMatchObject({ ok: false, error: { kind: 'auth' } });
    const gone = connect({ sumoSourceAddress: `${fake.url}/nothing/here` });
    expect(await gone.healthcheck(never())).toMatchObject({ ok: false, error: { kind: 'config' } });
    expect(fake.requests.every((r) => r.method === 'HEAD')).toBe(true);
    expect(fake.messages()).toEqual([]);
    await Promise.all([ok, token, bad, gone].map((c) => c.close()));
  });

  it('logs nothing that holds the source address', async () => {
    const ctx = testContext();
    const c = connect({ sumoSourceAddress: fake.sourceAddress }, ctx);
    fake.enqueue(sumoError(503, `down at ${fake.sourceAddress}`));
    const result = await c.send(goldenBatch(), never());
    await c.healthcheck(never());
    await c.close();
    expect(JSON.stringify(result)).not.toContain(fake.code);
    expect(ctx.logs.entries.length).toBeGreaterThan(0);
    expect(ctx.logs.text()).not.toContain(fake.code);
  });
});
