// PutEvents against the fake EventBridge: the wire format, per-entry failures by index, service errors, size packing, abort.
import { batchFromEnvelopes, type Connector, type DeliveryResult } from '@outflow/core';
import { awsError, isPutEvents, startEventBridgeFake, type EventBridgeFake } from '@outflow/connector-testkit/fakes/eventbridge';
import { createHttpTransport, type HttpTransport } from '@outflow/http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEntries } from '../src/index.js';
import { ACCESS_KEY, connect, GOLDEN, makeBatch, makeContext, never, SECRET_KEY } from './fixtures.js';

let fake: EventBridgeFake;
let conn: Connector | undefined;
beforeEach(async () => {
  fake = await startEventBridgeFake({ accessKeyId: ACCESS_KEY, buses: ['default', 'auth0-logs'] });
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
const calls = () => fake.requests.filter(isPutEvents);

describe('PutEvents wire format', () => {
  it('puts each event with Detail = the stored envelope, detail-type Auth0 log and Time = data.date', async () => {
    conn = connect(fake.url);
    const batch = batchFromEnvelopes([GOLDEN]);
    expect(await conn.send(batch, never())).toEqual({ status: 'success' });
    expect(calls()).toHaveLength(1);
    const req = calls()[0];
    expect(req?.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(req?.headers.authorization).toMatch(
      new RegExp(`^AWS4-HMAC-SHA256 Credential=${ACCESS_KEY}/\\d{8}/us-east-1/events/aws4_request, SignedHeaders=.+, Signature=[0-9a-f]{64}$`),
    );
    expect(req?.json()).toEqual({
      Entries: [{ Source: 'outflow.auth0', DetailType: 'Auth0 log', Detail: batch.raw(0).toString('utf8'), EventBusName: 'default', Time: 1767225605.123 }],
    });
    expect(JSON.parse(fake.entries()[0]?.Detail ?? '')).toEqual(GOLDEN);
  });

  it('uses the configured source, detail type and bus, and the bus ARN when awsAccountId is set', async () => {
    conn = connect(fake.url, { source: 'acme.auth0', detailType: 'Tenant log', eventBusName: 'auth0-logs', awsAccountId: '123456789012' });
    await conn.send(makeBatch(2), never());
    expect(fake.entries().map((e) => [e.Source, e.DetailType, e.EventBusName, e.bus])).toEqual([
      ['acme.auth0', 'Tenant log', 'arn:aws:events:us-east-1:123456789012:event-bus/auth0-logs', 'auth0-logs'],
      ['acme.auth0', 'Tenant log', 'arn:aws:events:us-east-1:123456789012:event-bus/auth0-logs', 'auth0-logs'],
    ]);
  });

  it('splits a batch that exceeds maxEntryBytes into several calls, all delivered', async () => {
    conn = connect(fake.url, { maxEntryBytes: 1024 });
    const batch = makeBatch(6, { pad: 'p'.repeat(300) });
    expect(await conn.send(batch, never())).toEqual({ status: 'success' });
    expect(calls().length).toBeGreaterThan(1);
    expect(fake.entries().map((e) => JSON.parse(e.Detail).log_id)).toEqual(batch.logIds);
  });

  it("sends through the runner's transport (ctx.http), one attempt, and leaves it open at close", async () => {
    const ctx = makeContext();
    const base = createHttpTransport({ guard: ctx.egress });
    const seen: string[] = [];
    const http: HttpTransport = { ...base, request: (req) => (seen.push(`${req.method} ${req.url}`), base.request(req)) };
    try {
      conn = connect(fake.url, {}, { ...ctx, http });
      fake.enqueue(awsError(500, 'InternalException'));
      expect(await conn.send(makeBatch(2), never())).toMatchObject({ status: 'retryable', error: { kind: 'transient' } });
      expect(await conn.send(makeBatch(2), never())).toEqual({ status: 'success' });
      expect(seen).toEqual([`POST ${fake.url}/`, `POST ${fake.url}/`]);
      await conn.close();
      conn = undefined;
      expect((await base.request({ method: 'POST', url: `${fake.url}/`, signal: never() })).status).toBeGreaterThanOrEqual(400);
    } finally {
      await base.close();
    }
  });

  it('sends the session token of temporary credentials', async () => {
    await fake.close();
    fake = await startEventBridgeFake({ accessKeyId: ACCESS_KEY, sessionToken: 'session-token-0123456789' });
    conn = connect(fake.url, { awsSessionToken: 'session-token-0123456789' });
    expect(await conn.send(makeBatch(1), never())).toEqual({ status: 'success' });
    expect(calls()[0]?.headers['x-amz-security-token']).toBe('session-token-0123456789');
  });
});

describe('per-entry failures', () => {
  it('reports the failed entries by batch index, retryable only for throttling and internal failures', async () => {
    conn = connect(fake.url);
    fake.failEntries({ 0: 'InternalFailure', 2: 'ThrottlingException', 5: 'MalformedDetail', 7: 'InvalidArgument' });
    const result = await conn.send(makeBatch(8), never());
    expect(result.status).toBe('partial');
    if (result.status !== 'partial') return;
    expect(result.failed.map((f) => [f.index, f.retryable])).toEqual([
      [0, true],
      [2, true],
      [5, false],
      [7, false],
    ]);
    expect(result.failed[2]?.reason).toBe('EventBridge refused the event (MalformedDetail): Detail is malformed.');
    expect(fake.entries()).toHaveLength(4);
  });

  it('maps indices across several calls', async () => {
    const batch = makeBatch(4, { pad: 'p'.repeat(300) });
    const [first] = buildEntries(batch, { source: 'outflow.auth0', detailType: 'Auth0 log', eventBusName: 'default' });
    conn = connect(fake.url, { maxEntryBytes: 2 * (first?.size ?? 0) });
    // The second entry of each call fails: batch indices 1 and 3.
    fake.failEntries({ 1: 'MalformedDetail' });
    fake.failEntries({ 1: 'MalformedDetail' });
    const result = await conn.send(batch, never());
    expect(calls()).toHaveLength(2);
    expect(result).toMatchObject({
      status: 'partial',
      failed: [
        { index: 1, retryable: false },
        { index: 3, retryable: false },
      ],
    });
    expect(
      fake
        .entries()
        .map((e) => JSON.parse(e.Detail).log_id)
        .sort(),
    ).toEqual([batch.logIds[0], batch.logIds[2]]);
  });

  it('fails the whole batch when every entry is throttled', async () => {
    conn = connect(fake.url);
    fake.failEntries({ 0: 'ThrottlingException', 1: 'ThrottlingException', 2: 'ThrottlingException' });
    expect(failure(await conn.send(makeBatch(3), never()))).toMatchObject({
      status: 'retryable',
      error: { kind: 'throttled', details: { vendorCode: 'ThrottlingException' } },
    });
  });

  it('reads AccessDeniedException on every entry as an auth failure, not dead letters', async () => {
    conn = connect(fake.url);
    fake.failEntries({ 0: 'AccessDeniedException', 1: 'AccessDeniedException' });
    expect(failure(await conn.send(makeBatch(2), never()))).toMatchObject({ status: 'permanent', error: { kind: 'auth' } });
  });

  it('keeps invalid entries per index even when all of them fail', async () => {
    conn = connect(fake.url);
    fake.failEntries({ 0: 'MalformedDetail', 1: 'InvalidArgument' });
    expect(await conn.send(makeBatch(2), never())).toMatchObject({
      status: 'partial',
      failed: [
        { index: 0, retryable: false },
        { index: 1, retryable: false },
      ],
    });
  });

  it('never sends an event above maxEntryBytes and reports it as too large', async () => {
    conn = connect(fake.url, { maxEntryBytes: 2048 });
    const batch = batchFromEnvelopes([GOLDEN, { ...GOLDEN, log_id: 'big', data: { ...GOLDEN.data, log_id: 'big', blob: 'b'.repeat(4000) } }, GOLDEN]);
    const result = await conn.send(batch, never());
    expect(result).toMatchObject({ status: 'partial', failed: [{ index: 1, retryable: false }] });
    if (result.status === 'partial') expect(result.failed[0]?.reason).toMatch(/above maxEntryBytes \(2048\)/);
    expect(fake.entries()).toHaveLength(2);
  });
});

describe('service errors', () => {
  const table: Array<[number, string, 'retryable' | 'permanent', string]> = [
    [400, 'ThrottlingException', 'retryable', 'throttled'],
    [500, 'InternalException', 'retryable', 'transient'],
    [503, 'ServiceUnavailable', 'retryable', 'transient'],
    [400, 'AccessDeniedException', 'permanent', 'auth'],
    [400, 'UnrecognizedClientException', 'permanent', 'auth'],
    [403, 'InvalidSignatureException', 'permanent', 'auth'],
    [400, 'ExpiredTokenException', 'permanent', 'auth'],
    [400, 'ResourceNotFoundException', 'permanent', 'config'],
    [400, 'ValidationException', 'permanent', 'invalid'],
    [400, 'SomethingNewException', 'permanent', 'invalid'],
    [502, 'SomethingNewException', 'retryable', 'transient'],
  ];
  it.each(table)('HTTP %i %s → %s %s', async (status, type, outcome, kind) => {
    conn = connect(fake.url);
    fake.enqueue(awsError(status, type));
    const result = failure(await conn.send(makeBatch(3), never()));
    expect(result.status).toBe(outcome);
    expect(result.error.kind).toBe(kind);
    expect(result.error.details).toMatchObject({ status, vendorCode: type });
    expect(calls()).toHaveLength(1);
  });

  it('honours Retry-After on a throttled call', async () => {
    conn = connect(fake.url);
    fake.enqueue({ ...awsError(429, 'ThrottlingException'), headers: { 'content-type': 'application/x-amz-json-1.1', 'retry-after': '6' } });
    expect(await conn.send(makeBatch(1), never())).toMatchObject({ status: 'retryable', retryAfterMs: 6000, error: { kind: 'throttled' } });
  });

  it('refuses a wrong access key (the fake checks the SigV4 credential)', async () => {
    conn = connect(fake.url, { awsAccessKeyId: 'AKIDSOMEONEELSE0001' });
    expect(failure(await conn.send(makeBatch(1), never())).error).toMatchObject({ kind: 'auth', details: { vendorCode: 'UnrecognizedClientException' } });
  });

  it('refuses a missing bus as config', async () => {
    conn = connect(fake.url, { eventBusName: 'no-such-bus' });
    expect(failure(await conn.send(makeBatch(1), never())).error).toMatchObject({ kind: 'config', details: { vendorCode: 'ResourceNotFoundException' } });
  });

  it('settles promptly as retryable when the signal aborts a stalled call', async () => {
    conn = connect(fake.url);
    fake.enqueue({ stall: true });
    const controller = new AbortController();
    const pending = conn.send(makeBatch(1), controller.signal);
    while (fake.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    const started = Date.now();
    controller.abort();
    expect(failure(await pending).status).toBe('retryable');
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('keeps the secret key out of results and logs', async () => {
    const ctx = makeContext();
    conn = connect(fake.url, {}, ctx);
    fake.enqueue(awsError(400, 'AccessDeniedException', `key ${SECRET_KEY} is not allowed`));
    const result = await conn.send(makeBatch(1), never());
    expect(JSON.stringify(result)).not.toContain(SECRET_KEY);
    expect(failure(result).error.message).toContain('[REDACTED]');
    expect(ctx.logs.text()).not.toContain(SECRET_KEY);
  });
});

describe('healthcheck', () => {
  it('describes the bus without putting events', async () => {
    conn = connect(fake.url, { eventBusName: 'auth0-logs' });
    expect(await conn.healthcheck(never())).toEqual({
      ok: true,
      message: 'The event bus auth0-logs exists and is readable (arn:aws:events:us-east-1:123456789012:event-bus/auth0-logs).',
    });
    expect(fake.requests.map((r) => r.headers['x-amz-target'])).toEqual(['AWSEvents.DescribeEventBus']);
    expect(fake.entries()).toHaveLength(0);
  });

  it('fails with config for a missing bus and auth for denied access', async () => {
    conn = connect(fake.url, { eventBusName: 'missing' });
    const missing = await conn.healthcheck(never());
    expect(missing.ok === false && missing.error.kind).toBe('config');
    fake.enqueue(awsError(400, 'AccessDeniedException', 'User is not authorized to perform: events:DescribeEventBus'));
    const denied = await conn.healthcheck(never());
    expect(denied.ok === false && denied.error.kind).toBe('auth');
  });
});

describe('preview', () => {
  it('shows the PutEvents bodies with the signature masked and sends nothing', () => {
    conn = connect(fake.url);
    const batch = batchFromEnvelopes([GOLDEN]);
    const preview = conn.preview?.(batch);
    expect(preview?.requests).toEqual([
      {
        method: 'POST',
        url: `${fake.url}/`,
        headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSEvents.PutEvents', Authorization: 'AWS4-HMAC-SHA256 [REDACTED]' },
        body: JSON.stringify({
          Entries: [{ Source: 'outflow.auth0', DetailType: 'Auth0 log', Detail: batch.raw(0).toString('utf8'), EventBusName: 'default', Time: 1767225605.123 }],
        }),
      },
    ]);
    expect(fake.requests).toHaveLength(0);
  });
});
