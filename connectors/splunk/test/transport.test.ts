// HEC requests against the fake: headers, reply-code classification, network failures, egress and TLS verification.
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { createEgressGuard, type Connector, type ConnectorContext, type DeliveryResult } from '@outflow/core';
import { sampleBatch } from '@outflow/connector-testkit';
import { hecAnswer, startSplunkFake, type SplunkFake } from '@outflow/connector-testkit/fakes/splunk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect, makeContext, never, TOKEN } from './fixtures.js';
import { TEST_CERT, TEST_KEY } from './tls-fixture.js';

let fake: SplunkFake;
let conn: Connector | undefined;
beforeEach(async () => {
  fake = await startSplunkFake();
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
  it('POSTs to /services/collector/event with the Splunk token, JSON and no channel', async () => {
    conn = connect(fake.url);
    expect(await conn.send(sampleBatch(5), never())).toEqual({ status: 'success' });
    expect(fake.requests).toHaveLength(1);
    const req = fake.requests[0]!;
    expect(req).toMatchObject({ method: 'POST', path: '/services/collector/event' });
    expect(req.headers.authorization).toBe(`Splunk ${TOKEN}`);
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['user-agent']).toMatch(/^outflow\/\d+\.\d+\.\d+$/);
    expect(req.headers['x-splunk-request-channel']).toBeUndefined();
    expect(fake.events().map((e) => (e.event as { log_id: string }).log_id)).toEqual(sampleBatch(5).logIds);
  });

  it('sends the configured channel on every request', async () => {
    const channel = '0aeeac95-ac74-4aa9-b30d-6c4c0ac581ba';
    conn = connect(fake.url, { splunkChannel: channel });
    await conn.send(sampleBatch(1), never());
    await conn.healthcheck(never());
    expect(fake.requests.map((r) => r.headers['x-splunk-request-channel'])).toEqual([channel, channel, channel]);
  });
});

describe('reply codes', () => {
  it.each([
    [hecAnswer(6, { 'invalid-event-number': 3 }), 'permanent', 'invalid', '6'],
    [hecAnswer(12, { 'invalid-event-number': 0 }), 'permanent', 'invalid', '12'],
    [hecAnswer(5), 'permanent', 'invalid', '5'],
    [hecAnswer(7, { 'invalid-event-number': 0 }), 'permanent', 'config', '7'],
    [hecAnswer(10), 'permanent', 'config', '10'],
    [hecAnswer(2), 'permanent', 'auth', '2'],
    [hecAnswer(1), 'permanent', 'auth', '1'],
    [hecAnswer(8), 'retryable', 'transient', '8'],
    [hecAnswer(9), 'retryable', 'throttled', '9'],
  ] as const)('%j → %s %s', async (answer, outcome, kind, code) => {
    conn = connect(fake.url);
    fake.enqueue(answer);
    const result = failure(await conn.send(sampleBatch(4), never()));
    expect(result.status).toBe(outcome);
    expect(result.error.kind).toBe(kind);
    expect(result.error.details.vendorCode).toBe(code);
    expect(result.error.message).toMatch(new RegExp(`^Splunk HEC answered HTTP \\d{3}: .+ \\(code ${code}`));
    expect(fake.requests).toHaveLength(1);
  });

  it('quotes the first bad event Splunk names, and keeps the whole batch failed', async () => {
    conn = connect(fake.url);
    fake.enqueue(hecAnswer(6, { 'invalid-event-number': 3 }));
    const result = failure(await conn.send(sampleBatch(5), never()));
    expect(result.error.message).toBe('Splunk HEC answered HTTP 400: Invalid data format (code 6, invalid-event-number 3).');
  });

  it('a wrong token is refused by the fake with 403 code 4 → auth', async () => {
    conn = connect(fake.url, { splunkToken: '00000000-0000-0000-0000-000000000000' });
    expect(failure(await conn.send(sampleBatch(1), never())).error).toMatchObject({ kind: 'auth', details: { status: 403, vendorCode: '4' } });
    expect(fake.events()).toHaveLength(0);
  });

  it('503 code 9 with Retry-After → throttled after that delay', async () => {
    conn = connect(fake.url);
    fake.enqueue({ status: 503, headers: { 'retry-after': '4' }, body: { text: 'Server is busy', code: 9 } });
    expect(await conn.send(sampleBatch(1), never())).toMatchObject({ status: 'retryable', retryAfterMs: 4000, error: { kind: 'throttled' } });
  });

  it('413 is too large (split), 404 is a config error (the URL is wrong, nothing is dead-lettered)', async () => {
    conn = connect(fake.url);
    fake.enqueue({ status: 413, body: 'Content-Length of 2000000 too large' }, { status: 404 });
    expect(failure(await conn.send(sampleBatch(1), never())).error).toMatchObject({ kind: 'invalid', details: { tooLarge: true } });
    expect(failure(await conn.send(sampleBatch(1), never())).error).toMatchObject({ kind: 'config', details: { status: 404 } });
  });

  it('a body over max_content_length gets 413 from the fake', async () => {
    await fake.close();
    fake = await startSplunkFake({ maxContentLength: 10_000 });
    conn = connect(fake.url);
    expect(failure(await conn.send(sampleBatch(50), never())).error.details.tooLarge).toBe(true);
  });

  it('makes exactly one request per send, even for busy answers', async () => {
    conn = connect(fake.url);
    fake.setHandler(() => hecAnswer(9));
    for (let i = 0; i < 3; i++) expect((await conn.send(sampleBatch(2), never())).status).toBe('retryable');
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.requests).toHaveLength(3);
  });

  it('keeps the token out of results even when an answer echoes it', async () => {
    conn = connect(fake.url);
    fake.enqueue({ status: 400, body: { text: `Invalid data format for token ${TOKEN}`, code: 6 } });
    const result = failure(await conn.send(sampleBatch(1), never()));
    for (const text of [JSON.stringify(result), inspect(result, { depth: 10 })]) expect(text).not.toContain(TOKEN);
    expect(result.error.message).toContain('[REDACTED]');
  });
});

describe('network', () => {
  it('connection refused → retryable', async () => {
    const url = fake.url;
    await fake.close();
    conn = connect(url);
    const result = failure(await conn.send(sampleBatch(1), never()));
    expect(result).toMatchObject({ status: 'retryable', error: { details: { vendorCode: 'ECONNREFUSED' } } });
    // axios errors hold the request headers; nothing of them reaches the result.
    expect(inspect(result, { depth: 20, showHidden: true })).not.toContain(TOKEN);
  });

  it('a stalled answer settles promptly when the signal aborts; an aborted signal sends nothing', async () => {
    conn = connect(fake.url);
    fake.enqueue({ stall: true });
    const started = Date.now();
    expect((await conn.send(sampleBatch(1), AbortSignal.timeout(200))).status).toBe('retryable');
    expect(Date.now() - started).toBeLessThan(1500);
    expect((await conn.send(sampleBatch(1), AbortSignal.abort())).status).toBe('retryable');
    expect(fake.requests).toHaveLength(1);
  });

  it('re-checks DNS answers at connect time (a name resolving to 127.0.0.1)', async () => {
    const strict = createEgressGuard({ allowHttp: true, allowPrivateNetworks: false });
    const ctx: ConnectorContext = { ...makeContext(), egress: { ...strict, checkUrl: () => {} } };
    conn = connect(`http://localhost:${fake.port}`, {}, ctx);
    expect(failure(await conn.send(sampleBatch(1), never()))).toMatchObject({
      status: 'permanent',
      error: { kind: 'config', message: expect.stringMatching(/resolves to private address/) },
    });
    expect(fake.requests).toHaveLength(0);
  });
});

describe('TLS verification (splunkSecure)', () => {
  it('refuses a self-signed certificate by default and accepts it with splunkSecure: false', async () => {
    const server = createServer({ key: TEST_KEY, cert: TEST_CERT }, (req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"text":"Success","code":0}'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const secure = connect(url);
      const refused = failure(await secure.send(sampleBatch(1), never()));
      expect(refused).toMatchObject({ status: 'permanent', error: { kind: 'config', details: { vendorCode: 'DEPTH_ZERO_SELF_SIGNED_CERT' } } });
      expect(refused.error.message).toMatch(/splunkSecure: false/);
      await secure.close();
      conn = connect(url, { splunkSecure: false });
      expect(await conn.send(sampleBatch(1), never())).toEqual({ status: 'success' });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
