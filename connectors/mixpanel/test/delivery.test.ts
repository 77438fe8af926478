// Against the fake Mixpanel: one gzipped /import per send, strict 400s as partial results, the status table, dedup by $insert_id.
import { batchFromEnvelopes, type Connector, type DeliveryResult } from '@outflow/core';
import { isMixpanelDelivery, startMixpanelFake, type MixpanelFake } from '@outflow/connector-testkit/fakes/mixpanel';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertIdOf } from '../src/index.js';
import { connect, CREDENTIALS, envelopeAt, GOLDEN, LOG_ID, makeBatch, makeContext, never, PROJECT_ID, SECRET, USERNAME } from './fixtures.js';

let fake: MixpanelFake;
let conn: Connector | undefined;
beforeEach(async () => {
  fake = await startMixpanelFake(CREDENTIALS);
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
const FUTURE = '2099-01-01T00:00:00.000Z';

describe('delivery', () => {
  it('sends a batch as one gzipped /import?strict=1&project_id= request with the service account', async () => {
    conn = connect(fake.url);
    const batch = makeBatch(50);
    expect(await conn.send(batch, never())).toEqual({ status: 'success' });
    const [req, ...more] = fake.importRequests();
    expect(more).toHaveLength(0);
    expect(req?.path).toBe('/import');
    expect(Object.fromEntries(req?.query ?? [])).toEqual({ strict: '1', project_id: PROJECT_ID });
    expect(req?.headers['content-encoding']).toBe('gzip');
    expect(req?.rawBody.length).toBeLessThan(req?.body.length ?? 0);
    expect(req?.headers.authorization).toBe(`Basic ${Buffer.from(`${USERNAME}:${SECRET}`).toString('base64')}`);
    expect(fake.events().map((e) => e.properties.log_id)).toEqual(batch.logIds);
    expect(fake.events().map((e) => e.properties.$insert_id)).toEqual(batch.logIds.map(insertIdOf));
  });

  it('puts the golden event into Mixpanel as it was encoded', async () => {
    conn = connect(fake.url);
    await conn.send(batchFromEnvelopes([GOLDEN]), never());
    expect(fake.events()).toEqual([
      {
        event: 'Failed Login (wrong password)',
        properties: expect.objectContaining({
          time: Date.UTC(2026, 0, 1, 0, 0, 5, 123),
          distinct_id: 'auth0|65a1f0c2e4b0a1b2c3d4e5f7',
          $insert_id: insertIdOf(LOG_ID),
          log_id: LOG_ID,
          'details.error.message': 'Wrong password.',
        }),
      },
    ]);
  });

  it('resends with the same $insert_ids, so Mixpanel shows a repeated batch once', async () => {
    conn = connect(fake.url);
    const batch = makeBatch(5, { user_id: undefined });
    await conn.send(batch, never());
    await conn.send(batch, never());
    expect(fake.events()).toHaveLength(10);
    expect(fake.uniqueEvents()).toHaveLength(5);
  });

  it('reads a strict 400 as partial: only the failed_records are refused, for good; the rest was imported', async () => {
    conn = connect(fake.url);
    const batch = batchFromEnvelopes([envelopeAt(0), envelopeAt(1, { date: FUTURE }), envelopeAt(2), envelopeAt(3, { date: '1970-01-01T00:00:10Z' })]);
    const result = await conn.send(batch, never());
    expect(result).toEqual({
      status: 'partial',
      failed: [
        {
          index: 1,
          retryable: false,
          status: 400,
          reason: "Mixpanel refused the event (properties.time): 'properties.time' is invalid: more than 1 hour in the future",
        },
        {
          index: 3,
          retryable: false,
          status: 400,
          reason: "Mixpanel refused the event (properties.time): 'properties.time' is invalid: must be after 1971-01-01",
        },
      ],
    });
    expect(fake.events().map((e) => e.properties.log_id)).toEqual([batch.logIds[0], batch.logIds[2]]);
    expect(fake.failedRecords().map((r) => r.$insert_id)).toEqual([insertIdOf(batch.logIds[1]!), insertIdOf(batch.logIds[3]!)]);
    expect(fake.importRequests()).toHaveLength(1);
  });

  it('names every event when all of them failed validation', async () => {
    conn = connect(fake.url);
    const result = await conn.send(makeBatch(3, { date: FUTURE }), never());
    expect(result.status === 'partial' && result.failed.map((f) => [f.index, f.retryable])).toEqual([
      [0, false],
      [1, false],
      [2, false],
    ]);
  });

  it('reads a 400 without failed_records as a permanent refusal of the payload (the platform splits it)', async () => {
    conn = connect(fake.url);
    fake.enqueue({ status: 400, body: { code: 400, error: 'unable to parse request body as JSON', status: 'Bad Request' } });
    expect(failure(await conn.send(makeBatch(2), never()))).toMatchObject({ status: 'permanent', error: { kind: 'invalid', details: { status: 400 } } });
  });

  it('ignores failed_records indices outside the request', async () => {
    conn = connect(fake.url);
    fake.enqueue({ status: 400, body: { code: 400, failed_records: [{ index: 7, field: 'x', message: 'y' }, { index: -1 }], num_records_imported: 0 } });
    expect(failure(await conn.send(makeBatch(2), never())).status).toBe('permanent');
  });

  it('refuses a wrong secret or project as auth (the fake checks both)', async () => {
    conn = connect(fake.url, { mixpanelServiceAccountPassword: 'another-secret' });
    expect(failure(await conn.send(makeBatch(1), never())).error).toMatchObject({ kind: 'auth', details: { status: 401 } });
    await conn.close();
    conn = connect(fake.url, { mixpanelProjectId: '2718281' });
    expect(failure(await conn.send(makeBatch(1), never())).error).toMatchObject({ kind: 'auth', details: { status: 401 } });
    fake.enqueue({ status: 403, body: { code: 403, error: 'Forbidden', status: 'Forbidden' } });
    expect(failure(await conn.send(makeBatch(1), never())).error).toMatchObject({ kind: 'auth', details: { status: 403 } });
    expect(fake.events()).toHaveLength(0);
  });

  it('reads 413 as too large, so the platform splits the batch', async () => {
    conn = connect(fake.url);
    fake.enqueue({ status: 413, body: { code: 413, error: 'request exceeds max limit of 10485760 bytes', status: 'Request Entity Too Large' } });
    expect(failure(await conn.send(makeBatch(2), never()))).toMatchObject({ status: 'permanent', error: { kind: 'invalid', details: { tooLarge: true } } });
  });

  it('returns 429 as retryable throttled at once, with Retry-After when given; nothing waits or retries', async () => {
    conn = connect(fake.url);
    fake.enqueue({ status: 429, headers: { 'retry-after': '2' }, body: { code: 429, error: 'Project exceeded rate limits.', status: 'Too Many Requests' } });
    const started = Date.now();
    expect(await conn.send(makeBatch(4), never())).toMatchObject({ status: 'retryable', retryAfterMs: 2000, error: { kind: 'throttled' } });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(fake.requests).toHaveLength(1);
  });

  it('returns 502 and 503 as retryable transient', async () => {
    conn = connect(fake.url);
    for (const status of [502, 503]) {
      fake.enqueue({ status, body: 'upstream error' });
      expect(failure(await conn.send(makeBatch(1), never()))).toMatchObject({ status: 'retryable', error: { kind: 'transient', details: { status } } });
    }
    expect(fake.events()).toHaveLength(0);
  });

  it('splits more than 2,000 events into requests and maps a partial answer back to batch indices', async () => {
    conn = connect(fake.url);
    const envelopes = Array.from({ length: 2003 }, (_, i) => envelopeAt(i % 1000, { log_id: `${LOG_ID}-${i}`, ...(i === 2001 ? { date: FUTURE } : {}) }));
    const result = await conn.send(batchFromEnvelopes(envelopes), never());
    expect(result).toMatchObject({ status: 'partial', failed: [{ index: 2001, retryable: false }] });
    expect(
      fake
        .importRequests()
        .map((r) => (JSON.parse(r.text()) as unknown[]).length)
        .sort((a, b) => a - b),
    ).toEqual([3, 2000]);
    expect(fake.events()).toHaveLength(2002);
  });

  it('keeps the secret out of results and logs', async () => {
    const ctx = makeContext();
    conn = connect(fake.url, {}, ctx);
    fake.enqueue({ status: 401, body: `bad secret ${SECRET}` });
    const result = failure(await conn.send(makeBatch(1), never()));
    expect(result.error.details.responseBody).toBe('bad secret [REDACTED]');
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(ctx.logs.text()).not.toContain(SECRET);
  });
});

describe('healthcheck and preview', () => {
  it('posts an empty batch: no event is recorded', async () => {
    conn = connect(fake.url);
    expect(await conn.healthcheck(never())).toEqual({ ok: true, message: 'Mixpanel accepted the service account (HTTP 200).' });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.text()).toBe('[]');
    expect(fake.requests.filter(isMixpanelDelivery)).toHaveLength(0);
    expect(fake.events()).toHaveLength(0);
  });

  it('is healthy when Mixpanel refuses the empty probe batch with a 400 (the credentials were accepted)', async () => {
    conn = connect(fake.url);
    fake.enqueue({ status: 400, body: { code: 400, error: 'no events', status: 'Bad Request' } });
    expect(await conn.healthcheck(never())).toMatchObject({ ok: true });
  });

  it('fails with auth when the service account is refused, and on a 404 (a wrong mixpanelHost)', async () => {
    conn = connect(fake.url, { mixpanelServiceAccountPassword: 'wrong-secret' });
    expect(await conn.healthcheck(never())).toMatchObject({ ok: false, error: { kind: 'auth' } });
    await conn.close();
    conn = connect(`${fake.url}/wrong`);
    fake.enqueue({ status: 404, body: { code: 404, error: 'not found' } });
    expect(await conn.healthcheck(never())).toMatchObject({ ok: false, error: { details: { status: 404 } } });
  });

  it('previews the request with the Authorization masked and the body as sent (before gzip)', () => {
    conn = connect(fake.url);
    const preview = conn.preview?.(batchFromEnvelopes([GOLDEN]));
    const request = preview?.requests[0];
    expect(request).toMatchObject({
      method: 'POST',
      url: `${fake.url}/import?strict=1&project_id=${PROJECT_ID}`,
      headers: { Authorization: '[REDACTED]', 'Content-Encoding': 'gzip' },
    });
    expect(JSON.parse(request?.body ?? '')).toMatchObject([{ event: 'Failed Login (wrong password)', properties: { $insert_id: insertIdOf(LOG_ID) } }]);
    expect(JSON.stringify(preview)).not.toContain(SECRET);
    expect(fake.requests).toHaveLength(0);
  });
});
