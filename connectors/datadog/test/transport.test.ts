// Requests against the fake intake: headers, limits, classification, network, egress.
import { inspect } from 'node:util';
import { createEgressGuard, type Connector, type ConnectorContext, type DeliveryResult } from '@outflow/core';
import { sampleBatch } from '@outflow/connector-testkit';
import { datadogError, datadogRateLimited, startDatadogFake, type DatadogFake } from '@outflow/connector-testkit/fakes/datadog';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_KEY, connect, makeContext, never } from './fixtures.js';

let fake: DatadogFake;
let conn: Connector | undefined;
beforeEach(async () => {
  fake = await startDatadogFake();
});
afterEach(async () => {
  await conn?.close();
  conn = undefined;
  await fake.close();
});

const failure = (r: DeliveryResult) => {
  if (r.status !== 'retryable' && r.status !== 'permanent') throw new Error(`expected a failure, got ${JSON.stringify(r)}`);
  return r;
};

describe('requests', () => {
  it('POSTs the logs to /api/v2/logs with the key, JSON and the client identity', async () => {
    conn = connect(fake.url);
    expect(await conn.send(sampleBatch(4), never())).toEqual({ status: 'success' });
    expect(fake.requests).toHaveLength(1);
    const req = fake.requests[0]!;
    expect(req).toMatchObject({ method: 'POST', path: '/api/v2/logs' });
    expect([...req.query.keys()]).toEqual([]);
    expect(req.headers['dd-api-key']).toBe(API_KEY);
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['user-agent']).toMatch(/^outflow\/\d+\.\d+\.\d+$/);
    expect(fake.logs()).toHaveLength(4);
  });

  it('reuses one keep-alive connection across sends', async () => {
    conn = connect(fake.url);
    for (let i = 0; i < 3; i++) expect((await conn.send(sampleBatch(2, i * 2), never())).status).toBe('success');
    expect(fake.requests).toHaveLength(3);
    expect(fake.openConnections()).toBe(1);
  });

  it('a batch over the 1000-entry limit gets 413 → permanent invalid, too large', async () => {
    conn = connect(fake.url);
    const result = failure(await conn.send(sampleBatch(1001), never()));
    expect(result).toMatchObject({ status: 'permanent', error: { kind: 'invalid', details: { status: 413, tooLarge: true } } });
    expect(fake.logs()).toHaveLength(0);
  });
});

describe('classification', () => {
  it.each([
    [400, 'permanent', 'invalid'],
    [401, 'permanent', 'auth'],
    [403, 'permanent', 'auth'],
    [408, 'retryable', 'transient'],
    [413, 'permanent', 'invalid'],
    [500, 'retryable', 'transient'],
    [503, 'retryable', 'transient'],
  ] as const)('HTTP %i → %s %s', async (status, outcome, kind) => {
    conn = connect(fake.url);
    fake.enqueue(datadogError(status, 'Scripted'));
    const result = failure(await conn.send(sampleBatch(2), never()));
    expect(result.status).toBe(outcome);
    expect(result.error.kind).toBe(kind);
    expect(result.error.details.status).toBe(status);
    expect(fake.requests).toHaveLength(1);
  });

  it('a wrong API key is refused by the fake with 403 → auth', async () => {
    conn = connect(fake.url, { datadogApiKey: 'not-the-right-key-0000' });
    expect(failure(await conn.send(sampleBatch(1), never())).error).toMatchObject({ kind: 'auth', details: { status: 403 } });
  });

  it('429 with X-RateLimit-Reset waits that many seconds', async () => {
    conn = connect(fake.url);
    fake.enqueue(datadogRateLimited(7));
    const result = failure(await conn.send(sampleBatch(1), never()));
    expect(result).toMatchObject({ status: 'retryable', retryAfterMs: 7000, error: { kind: 'throttled' } });
  });

  it('Retry-After wins over X-RateLimit-Reset, on 429 and 503', async () => {
    conn = connect(fake.url);
    fake.enqueue({ status: 429, headers: { 'retry-after': '2', 'x-ratelimit-reset': '30' } }, { status: 503, headers: { 'retry-after': '5' } });
    expect(await conn.send(sampleBatch(1), never())).toMatchObject({ status: 'retryable', retryAfterMs: 2000 });
    expect(await conn.send(sampleBatch(1), never())).toMatchObject({ status: 'retryable', retryAfterMs: 5000 });
  });

  it('a 2xx without a JSON body (200 without a body) is still a success', async () => {
    conn = connect(fake.url);
    fake.enqueue({ status: 200 }, { status: 202, body: 'not json' });
    expect(await conn.send(sampleBatch(1), never())).toEqual({ status: 'success' });
    expect(await conn.send(sampleBatch(1), never())).toEqual({ status: 'success' });
  });

  it('a redirect is a permanent config error (not followed)', async () => {
    conn = connect(fake.url);
    fake.enqueue({ status: 307, headers: { location: 'https://elsewhere.example/api/v2/logs' } });
    expect(failure(await conn.send(sampleBatch(1), never())).error.kind).toBe('config');
    expect(fake.requests).toHaveLength(1);
  });

  it('makes exactly one request per send, even for 429 and 5xx (no retries in the connector)', async () => {
    conn = connect(fake.url);
    fake.setHandler(() => datadogRateLimited(0));
    expect((await conn.send(sampleBatch(1), never())).status).toBe('retryable');
    fake.setHandler(() => datadogError(500, 'Internal Server Error'));
    expect((await conn.send(sampleBatch(1), never())).status).toBe('retryable');
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.requests).toHaveLength(2);
  });

  it('keeps the API key out of results even when Datadog echoes it', async () => {
    conn = connect(fake.url);
    fake.enqueue(datadogError(400, 'Bad Request', `key ${API_KEY} is not allowed here`));
    const result = failure(await conn.send(sampleBatch(1), never()));
    for (const text of [JSON.stringify(result), inspect(result, { depth: 10 })]) expect(text).not.toContain(API_KEY);
    expect(result.error.details.responseBody).toContain('[REDACTED]');
  });
});

describe('network', () => {
  it('connection refused → retryable ECONNREFUSED', async () => {
    const url = fake.url;
    await fake.close();
    conn = connect(url);
    const result = failure(await conn.send(sampleBatch(1), never()));
    expect(result).toMatchObject({ status: 'retryable', error: { kind: 'transient', details: { vendorCode: 'ECONNREFUSED' } } });
  });

  it('a stalled answer settles promptly when the signal aborts', async () => {
    conn = connect(fake.url);
    await conn.send(sampleBatch(1), never());
    fake.enqueue({ stall: true });
    const started = Date.now();
    const result = await conn.send(sampleBatch(1), AbortSignal.timeout(200));
    expect(result.status).toBe('retryable');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('an already aborted signal makes no request', async () => {
    conn = connect(fake.url);
    const result = await conn.send(sampleBatch(1), AbortSignal.abort());
    expect(result.status).toBe('retryable');
    expect(fake.requests).toHaveLength(0);
  });

  it('re-checks DNS answers at connect time (a name resolving to 127.0.0.1)', async () => {
    const strict = createEgressGuard({ allowHttp: true, allowPrivateNetworks: false });
    const ctx: ConnectorContext = { ...makeContext(), egress: { ...strict, checkUrl: () => {} } };
    conn = connect(`http://localhost:${fake.port}`, {}, ctx);
    const result = failure(await conn.send(sampleBatch(1), never()));
    expect(result).toMatchObject({ status: 'permanent', error: { kind: 'config', message: expect.stringMatching(/resolves to private address/) } });
    expect(fake.requests).toHaveLength(0);
  });
});
