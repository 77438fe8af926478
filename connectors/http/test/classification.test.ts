// Outcome classification through a real server: statuses, network failures, timeouts, aborts, no retries.
import type { Connector, DeliveryResult } from '@outflow/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect, makeBatch, never } from './fixtures.js';
import { deadUrl, startReceiver, type Receiver } from './receiver.js';

let rx: Receiver;
let conn: Connector | undefined;
beforeEach(async () => {
  rx = await startReceiver();
});
afterEach(async () => {
  await conn?.close();
  conn = undefined;
  await rx.close();
});

const failure = (r: DeliveryResult) => {
  if (r.status !== 'retryable' && r.status !== 'permanent') throw new Error(`expected a failure, got ${JSON.stringify(r)}`);
  return r;
};

describe('HTTP status classification', () => {
  const table: Array<[number, string, string | null]> = [
    [200, 'success', null],
    [202, 'success', null],
    [204, 'success', null],
    [400, 'permanent', 'invalid'],
    [422, 'permanent', 'invalid'],
    [413, 'permanent', 'invalid'],
    [401, 'permanent', 'auth'],
    [403, 'permanent', 'auth'],
    [408, 'retryable', 'transient'],
    [500, 'retryable', 'transient'],
    [502, 'retryable', 'transient'],
    [503, 'retryable', 'transient'],
    [504, 'retryable', 'transient'],
    [501, 'permanent', 'invalid'],
    [301, 'permanent', 'config'],
  ];
  it.each(table)('HTTP %i → %s %s', async (status, outcome, kind) => {
    conn = connect({ httpEndpoint: rx.url });
    rx.script({ status, body: status >= 400 ? 'nope' : '', headers: status === 301 ? { location: 'https://elsewhere.example' } : {} });
    const result = await conn.send(makeBatch(2), never());
    expect(result.status).toBe(outcome);
    if (kind) {
      const f = failure(result);
      expect(f.error.kind).toBe(kind);
      expect(f.error.details.status).toBe(status);
    }
    if (status === 413) expect(failure(result).error.details.tooLarge).toBe(true);
    expect(rx.requests).toHaveLength(1);
  });

  it('429 with Retry-After: 3 is retryable after 3000 ms', async () => {
    conn = connect({ httpEndpoint: rx.url });
    rx.script({ status: 429, headers: { 'retry-after': '3' } });
    const result = await conn.send(makeBatch(1), never());
    expect(result).toMatchObject({ status: 'retryable', retryAfterMs: 3000 });
    expect(failure(result).error.kind).toBe('throttled');
  });

  it('keeps a short excerpt of the answer', async () => {
    conn = connect({ httpEndpoint: rx.url });
    rx.script({ status: 400, body: '{"error":"missing field"}' });
    const result = failure(await conn.send(makeBatch(1), never()));
    expect(result.error.details.responseBody).toBe('{"error":"missing field"}');
  });

  it('treats a 2xx with a huge body as success and reads only a bounded part', async () => {
    conn = connect({ httpEndpoint: rx.url });
    rx.script({ status: 200, body: 'x'.repeat(5 * 1024 * 1024) });
    expect(await conn.send(makeBatch(1), never())).toEqual({ status: 'success' });
  });

  it('makes exactly one request per send, even on 503 (no internal retries)', async () => {
    conn = connect({ httpEndpoint: rx.url });
    rx.respond(() => ({ status: 503 }));
    for (let i = 0; i < 3; i++) expect((await conn.send(makeBatch(2), never())).status).toBe('retryable');
    await new Promise((r) => setTimeout(r, 100));
    expect(rx.requests).toHaveLength(3);
  });
});

describe('network failures', () => {
  it('connection refused is retryable', async () => {
    conn = connect({ httpEndpoint: await deadUrl() });
    const result = failure(await conn.send(makeBatch(1), never()));
    expect(result.status).toBe('retryable');
    expect(result.error.kind).toBe('transient');
    expect(result.error.details.vendorCode).toBe('ECONNREFUSED');
  });

  it('a socket destroyed before the answer is retryable', async () => {
    conn = connect({ httpEndpoint: rx.url });
    rx.script({ destroy: true });
    expect((await conn.send(makeBatch(1), never())).status).toBe('retryable');
    expect(rx.requests).toHaveLength(1);
  });

  it("a stalled response ends at the attempt's deadline as retryable; a stored httpTimeoutMs no longer cuts it", async () => {
    conn = connect({ httpEndpoint: rx.url, httpTimeoutMs: 100 } as Parameters<typeof connect>[0]);
    rx.script({ stall: true });
    const started = Date.now();
    const result = failure(await conn.send(makeBatch(1), AbortSignal.timeout(800)));
    expect(result.status).toBe('retryable');
    expect(result.error.kind).toBe('transient');
    expect(Date.now() - started).toBeGreaterThanOrEqual(750);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('settles promptly when the signal aborts', async () => {
    conn = connect({ httpEndpoint: rx.url });
    rx.script({ stall: true });
    const controller = new AbortController();
    const started = Date.now();
    const pending = conn.send(makeBatch(1), controller.signal);
    await rx.waitFor(1);
    controller.abort();
    const result = await pending;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result.status).toBe('retryable');
  });

  it('an already aborted signal makes no request', async () => {
    conn = connect({ httpEndpoint: rx.url });
    const result = await conn.send(makeBatch(1), AbortSignal.abort());
    expect(result.status).toBe('retryable');
    expect(rx.requests).toHaveLength(0);
  });
});

describe('JSONOBJECT partial failures', () => {
  it('one event answered 400 → partial with that index, not retryable', async () => {
    conn = connect({ httpEndpoint: rx.url, httpContentFormat: 'JSONOBJECT' });
    const batch = makeBatch(5);
    const bad = batch.logIds[3]!;
    rx.respond((req) => (req.text.includes(bad) ? { status: 400, body: 'bad event' } : { status: 200 }));
    const result = await conn.send(batch, never());
    expect(result).toEqual({ status: 'partial', failed: [{ index: 3, retryable: false, reason: expect.stringMatching(/HTTP 400/), status: 400 }] });
  });

  it('mixed failures are listed per index with their retryability', async () => {
    conn = connect({ httpEndpoint: rx.url, httpContentFormat: 'JSONOBJECT' });
    const batch = makeBatch(4);
    rx.respond((req) => (req.text.includes(batch.logIds[0]!) ? { status: 503 } : req.text.includes(batch.logIds[2]!) ? { status: 422 } : { status: 200 }));
    const result = await conn.send(batch, never());
    if (result.status !== 'partial') throw new Error(JSON.stringify(result));
    expect(result.failed.map((f) => [f.index, f.retryable])).toEqual([
      [0, true],
      [2, false],
    ]);
  });

  it('all events failing the same way → that class, with Retry-After carried', async () => {
    conn = connect({ httpEndpoint: rx.url, httpContentFormat: 'JSONOBJECT' });
    rx.respond(() => ({ status: 429, headers: { 'retry-after': '7' } }));
    expect(await conn.send(makeBatch(3), never())).toMatchObject({ status: 'retryable', retryAfterMs: 7000 });
    rx.respond(() => ({ status: 401 }));
    const result = failure(await conn.send(makeBatch(3), never()));
    expect(result.status).toBe('permanent');
    expect(result.error.kind).toBe('auth');
  });

  it('keeps at most 8 requests in flight', async () => {
    conn = connect({ httpEndpoint: rx.url, httpContentFormat: 'JSONOBJECT' });
    let active = 0;
    let peak = 0;
    rx.respond(() => {
      active++;
      peak = Math.max(peak, active);
      setTimeout(() => active--, 40);
      return { status: 200, delayMs: 40 };
    });
    expect(await conn.send(makeBatch(30), never())).toEqual({ status: 'success' });
    expect(rx.requests).toHaveLength(30);
    expect(peak).toBeLessThanOrEqual(8);
    expect(peak).toBeGreaterThan(1);
  });
});
