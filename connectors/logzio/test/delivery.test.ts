// Sends against the fake listener: partial acceptance, refused oversized lines, the status table, the probe, the token kept out.
import { inspect } from 'node:util';
import { batchFromEnvelopes, type Connector, type DeliveryResult, type LogEnvelope } from '@outflow/core';
import { sampleBatch, sampleEnvelopes } from '@outflow/connector-testkit';
import { logzioBadRequest, startLogzioFake, type LogzioFake } from '@outflow/connector-testkit/fakes/logzio';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_LINE_BYTES } from '../src/index.js';
import { connect, makeContext, never, TOKEN } from './fixtures.js';

let fake: LogzioFake;
let conn: Connector | undefined;
afterEach(async () => {
  await conn?.close();
  conn = undefined;
  await fake?.close();
});

const failure = (r: DeliveryResult) => {
  if (r.status !== 'permanent' && r.status !== 'retryable') throw new Error(`expected a failure, got ${r.status}`);
  return r;
};
const poisoned = (envelopes: LogEnvelope[], at: number) => envelopes.map((e, i) => (i === at ? { ...e, data: { ...e.data, poison: true } } : e));
const oversized = (e: LogEnvelope): LogEnvelope => ({ ...e, data: { ...e.data, blob: 'x'.repeat(MAX_LINE_BYTES) } });

describe('partial acceptance', () => {
  it('some lines stored, one malformed → permanent invalid for bisection; the good lines were stored once', async () => {
    fake = await startLogzioFake({ malformed: (_l, parsed) => (parsed.data as { poison?: boolean }).poison === true });
    conn = connect(fake.url);
    const envelopes = poisoned([...sampleEnvelopes(6)], 2);
    const result = failure(await conn.send(batchFromEnvelopes(envelopes), never()));
    expect(result).toMatchObject({ status: 'permanent', error: { kind: 'invalid', details: { status: 400 } } });
    expect(result.error.message).toMatch(/^Logz\.io stored 5 of 6 lines and refused 1 malformed/);
    expect([...fake.countsByLogId().keys()]).toEqual(envelopes.filter((_, i) => i !== 2).map((e) => e.log_id));
    expect(fake.shipments()).toHaveLength(1);
  });

  it('the poisoned event alone → partial, not retryable: a dead letter', async () => {
    fake = await startLogzioFake({ malformed: (_l, parsed) => (parsed.data as { poison?: boolean }).poison === true });
    conn = connect(fake.url);
    const result = await conn.send(batchFromEnvelopes(poisoned([...sampleEnvelopes(1)], 0)), never());
    expect(result).toMatchObject({ status: 'partial', failed: [{ index: 0, retryable: false, status: 400 }] });
    expect(fake.logs()).toHaveLength(0);
  });
});

describe('oversized lines', () => {
  it('are refused unsent by index; the others go in one request', async () => {
    fake = await startLogzioFake();
    conn = connect(fake.url);
    const envelopes = [...sampleEnvelopes(4)];
    envelopes[1] = oversized(envelopes[1]!);
    const result = await conn.send(batchFromEnvelopes(envelopes), never());
    expect(result).toMatchObject({ status: 'partial', failed: [{ index: 1, retryable: false, reason: expect.stringMatching(/500000 bytes per line/) }] });
    expect(fake.shipments()).toHaveLength(1);
    expect(fake.logs().map((l) => l.log_id)).toEqual([0, 2, 3].map((i) => envelopes[i]!.log_id));
  });

  it('beside a request whose every line the listener refused: all are named, none counted as delivered', async () => {
    fake = await startLogzioFake();
    conn = connect(fake.url);
    fake.enqueue(logzioBadRequest({ malformedLines: 2 }));
    const envelopes = [oversized(sampleEnvelopes(3)[0]!), ...sampleEnvelopes(3).slice(1)];
    const result = await conn.send(batchFromEnvelopes(envelopes), never());
    expect(result.status).toBe('partial');
    const failed = result.status === 'partial' ? result.failed.map((f) => f.index).sort() : [];
    expect(failed).toEqual([0, 1, 2]);
  });

  it('a batch of only oversized lines sends nothing and fails permanently', async () => {
    fake = await startLogzioFake();
    conn = connect(fake.url);
    const result = failure(await conn.send(batchFromEnvelopes([oversized(sampleEnvelopes(1)[0]!)]), never()));
    expect(result).toMatchObject({ status: 'permanent', error: { kind: 'invalid' } });
    expect(fake.requests).toHaveLength(0);
  });
});

describe('classification against the fake', () => {
  it('a wrong token → auth, with the reason and without the token', async () => {
    fake = await startLogzioFake();
    conn = connect(fake.url, { logzioToken: 'wrongTokenValue0123456789abcdef' });
    const result = failure(await conn.send(sampleBatch(2), never()));
    expect(result).toMatchObject({ status: 'permanent', error: { kind: 'auth', details: { status: 401 } } });
    expect(result.error.message).toContain('Logging token is not valid');
    expect(JSON.stringify(result)).not.toContain('wrongTokenValue0123456789abcdef');
  });

  it.each([
    [413, 'permanent', 'invalid'],
    [500, 'retryable', 'transient'],
    [502, 'retryable', 'transient'],
    [503, 'retryable', 'transient'],
    [429, 'retryable', 'throttled'],
  ] as const)('HTTP %i → %s %s, one request', async (status, outcome, kind) => {
    fake = await startLogzioFake();
    conn = connect(fake.url);
    fake.enqueue({ status, headers: { 'retry-after': '2' } });
    const result = failure(await conn.send(sampleBatch(3), never()));
    expect(result).toMatchObject({ status: outcome, error: { kind, details: { status } } });
    if (status === 413) expect(result.error.details.tooLarge).toBe(true);
    if (outcome === 'retryable') expect(result).toMatchObject({ retryAfterMs: 2000 });
    expect(fake.requests).toHaveLength(1);
  });

  it('a wrong path behind the endpoint → config (the fake has no listener there)', async () => {
    fake = await startLogzioFake();
    conn = connect(`${fake.url}/not-the-listener`);
    expect(failure(await conn.send(sampleBatch(1), never())).error.kind).toBe('config');
  });

  it('keeps the token out of results and logs even when an answer echoes it', async () => {
    fake = await startLogzioFake();
    const ctx = makeContext();
    conn = connect(fake.url, {}, ctx);
    fake.enqueue({ status: 400, body: `bad request for token=${TOKEN}` }, { status: 500, body: { token: TOKEN } });
    const results = [await conn.send(sampleBatch(1), never()), await conn.send(sampleBatch(1), never())];
    for (const r of results) for (const text of [JSON.stringify(r), inspect(r, { depth: 10 })]) expect(text).not.toContain(TOKEN);
    expect(ctx.logs.text()).not.toContain(TOKEN);
  });
});

describe('healthcheck', () => {
  it('POSTs an empty body with the token: ok, nothing stored', async () => {
    fake = await startLogzioFake();
    conn = connect(fake.url);
    expect(await conn.healthcheck(never())).toMatchObject({ ok: true });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({ method: 'POST', path: '/' });
    expect(fake.requests[0]!.rawBody.length).toBe(0);
    expect(fake.logs()).toHaveLength(0);
  });

  it('fails with auth for a wrong token and with config for a wrong endpoint path', async () => {
    fake = await startLogzioFake();
    conn = connect(fake.url, { logzioToken: 'wrongTokenValue0123456789abcdef' });
    expect(await conn.healthcheck(never())).toMatchObject({ ok: false, error: { kind: 'auth' } });
    await conn.close();
    conn = connect(`${fake.url}/elsewhere`);
    expect(await conn.healthcheck(never())).toMatchObject({ ok: false, error: { kind: 'config' } });
  });

  it('is ok when the listener answers the empty body with zero counts in a 400', async () => {
    fake = await startLogzioFake();
    conn = connect(fake.url);
    fake.enqueue(logzioBadRequest({ emptyLogLines: 1 }));
    expect(await conn.healthcheck(never())).toMatchObject({ ok: true });
  });
});
