// Against the fake Segment: one request per send, messageId = log_id, failed requests not delivered, oversized events refused by index.
import { batchFromEnvelopes, type Connector, type DeliveryResult } from '@outflow/core';
import { isSegmentDelivery, startSegmentFake, type SegmentFake } from '@outflow/connector-testkit/fakes/segment';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connect, envelopeAt, GOLDEN, LOG_ID, makeBatch, makeContext, never, WRITE_KEY } from './fixtures.js';

let fake: SegmentFake;
let conn: Connector | undefined;
beforeEach(async () => {
  fake = await startSegmentFake({ writeKey: WRITE_KEY });
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
const deliveries = () => fake.requests.filter(isSegmentDelivery);

describe('batch delivery', () => {
  it('sends a batch as one /v1/batch request with Basic auth, messageId = log_id', async () => {
    conn = connect(fake.url);
    const batch = makeBatch(100);
    expect(await conn.send(batch, never())).toEqual({ status: 'success' });
    expect(deliveries()).toHaveLength(1);
    const req = deliveries()[0];
    expect(req?.path).toBe('/v1/batch');
    expect(req?.headers.authorization).toBe(`Basic ${Buffer.from(`${WRITE_KEY}:`).toString('base64')}`);
    expect(fake.messages().map((m) => m.messageId)).toEqual(batch.logIds);
  });

  it('puts the golden event on the wire as a track call', async () => {
    conn = connect(fake.url);
    await conn.send(batchFromEnvelopes([GOLDEN]), never());
    const [message] = fake.messages();
    expect(message).toMatchObject({
      type: 'track',
      messageId: LOG_ID,
      userId: 'auth0|65a1f0c2e4b0a1b2c3d4e5f7',
      event: 'Failed Login (wrong password)',
      timestamp: '2026-01-01T00:00:05.123Z',
      properties: { ...GOLDEN.data, log_id: LOG_ID, type: 'fp' },
      context: { ip: '198.51.100.23', userAgent: 'Chrome 120.0.0 / Mac OS X 10.15.7', library: { name: '@outflow/connector-segment' } },
    });
    expect(deliveries()[0]?.json()).toMatchObject({ sentAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(deliveries()[0]?.headers['user-agent']).toMatch(/^outflow\//);
  });

  it('resends with the same messageIds, so Segment deduplicates a repeated batch', async () => {
    conn = connect(fake.url);
    const batch = makeBatch(5);
    await conn.send(batch, never());
    await conn.send(batch, never());
    expect(fake.messages()).toHaveLength(10);
    expect(fake.uniqueMessageIds()).toEqual(new Set(batch.logIds));
  });

  it('counts nothing as delivered when the flush fails with 500', async () => {
    conn = connect(fake.url);
    fake.enqueue({ status: 500, body: { success: false } });
    expect(failure(await conn.send(makeBatch(3), never()))).toMatchObject({ status: 'retryable', error: { kind: 'transient', details: { status: 500 } } });
    expect(fake.messages()).toHaveLength(0);
    expect(deliveries()).toHaveLength(1);
  });

  it('reads 400 as a permanent refusal of the payload', async () => {
    conn = connect(fake.url);
    fake.enqueue({ status: 400, body: { success: false, message: 'Invalid JSON.' } });
    expect(failure(await conn.send(makeBatch(2), never()))).toMatchObject({
      status: 'permanent',
      error: { kind: 'invalid', details: { status: 400, responseBody: '{"success":false,"message":"Invalid JSON."}' } },
    });
  });

  it('refuses a wrong write key as auth (the fake checks it)', async () => {
    conn = connect(fake.url, { segmentWriteKey: 'some-other-write-key' });
    expect(failure(await conn.send(makeBatch(1), never())).error).toMatchObject({ kind: 'auth', details: { status: 401 } });
  });

  it('returns 429 + Retry-After as retryable at once: nothing waits or retries', async () => {
    conn = connect(fake.url);
    fake.enqueue({ status: 429, headers: { 'retry-after': '5' }, body: { success: false } });
    const started = Date.now();
    expect(await conn.send(makeBatch(4), never())).toMatchObject({ status: 'retryable', retryAfterMs: 5000, error: { kind: 'throttled' } });
    expect(Date.now() - started).toBeLessThan(1000);
    await new Promise((r) => setTimeout(r, 100));
    expect(deliveries()).toHaveLength(1);
  });

  it('refuses events over 32 KB by index, unsent, and delivers the others in one request', async () => {
    conn = connect(fake.url);
    // Non-ASCII text (measured in bytes, not characters) and plain ASCII.
    const batch = batchFromEnvelopes([envelopeAt(0), envelopeAt(1, { blob: 'é'.repeat(20_000) }), envelopeAt(2), envelopeAt(3, { blob: 'x'.repeat(40_000) })]);
    const result = await conn.send(batch, never());
    const reason = "The event is larger than Segment's 32 KB per event.";
    expect(result).toMatchObject({
      status: 'partial',
      failed: [
        { index: 1, retryable: false, reason },
        { index: 3, retryable: false, reason },
      ],
    });
    expect(deliveries()).toHaveLength(1);
    expect(fake.messages().map((m) => m.messageId)).toEqual([batch.logIds[0], batch.logIds[2]]);
    expect(fake.dropped()).toHaveLength(0);
  });

  it('keeps an oversized event refused and the others retryable when the request fails', async () => {
    conn = connect(fake.url);
    fake.enqueue({ status: 503, body: { success: false } });
    const result = await conn.send(batchFromEnvelopes([envelopeAt(0), envelopeAt(1, { blob: 'x'.repeat(40_000) })]), never());
    expect(result).toMatchObject({
      status: 'partial',
      failed: [
        { index: 0, retryable: true, status: 503 },
        { index: 1, retryable: false },
      ],
    });
  });

  it('sends nothing when every event is too large', async () => {
    conn = connect(fake.url);
    const result = failure(await conn.send(makeBatch(2, { blob: 'x'.repeat(40_000) }), never()));
    expect(result).toMatchObject({ status: 'permanent', error: { kind: 'invalid', details: { tooLarge: true } } });
    expect(fake.requests).toHaveLength(0);
  });

  it('settles promptly as retryable when the signal aborts a stalled request', async () => {
    conn = connect(fake.url);
    fake.enqueue({ stall: true });
    const controller = new AbortController();
    const pending = conn.send(makeBatch(2), controller.signal);
    while (fake.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    const started = Date.now();
    controller.abort();
    expect(failure(await pending).status).toBe('retryable');
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('keeps the write key out of results and logs, and the console quiet', async () => {
    const warn = vi.spyOn(console, 'warn');
    const ctx = makeContext();
    conn = connect(fake.url, {}, ctx);
    fake.enqueue({ status: 401, body: `unknown key ${WRITE_KEY}` });
    const result = failure(await conn.send(makeBatch(1), never()));
    expect(result.error.details.responseBody).toBe('unknown key [REDACTED]');
    expect(JSON.stringify(result)).not.toContain(WRITE_KEY);
    expect(ctx.logs.text()).not.toContain(WRITE_KEY);
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('healthcheck and preview', () => {
  it('posts an empty batch: no event is recorded', async () => {
    conn = connect(fake.url);
    expect(await conn.healthcheck(never())).toEqual({ ok: true, message: 'Segment accepted an empty batch (HTTP 200).' });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.json()).toEqual({ batch: [] });
    expect(fake.messages()).toHaveLength(0);
  });

  it('fails with auth when the write key is refused', async () => {
    conn = connect(fake.url, { segmentWriteKey: 'wrong-key-value' });
    const health = await conn.healthcheck(never());
    expect(health.ok === false && health.error.kind).toBe('auth');
  });

  it('fails on a 404: a wrong segmentHost path is not a reachable Segment', async () => {
    conn = connect(`${fake.url}/wrong`);
    fake.enqueue({ status: 404, body: { success: false, message: 'Not found.' } });
    const health = await conn.healthcheck(never());
    expect(health).toMatchObject({ ok: false, error: { kind: 'invalid', details: { status: 404 } } });
  });

  it('previews the batch body with the write key masked', () => {
    conn = connect(fake.url);
    const preview = conn.preview?.(batchFromEnvelopes([GOLDEN]));
    const request = preview?.requests[0];
    expect(request).toMatchObject({ method: 'POST', url: `${fake.url}/v1/batch`, headers: { Authorization: '[REDACTED]' } });
    expect(JSON.parse(request?.body ?? '')).toMatchObject({ batch: [{ type: 'track', messageId: LOG_ID, event: 'Failed Login (wrong password)' }] });
    expect(JSON.stringify(preview)).not.toContain(WRITE_KEY);
    expect(fake.requests).toHaveLength(0);
  });
});
