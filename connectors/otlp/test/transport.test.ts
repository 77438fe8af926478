// Requests against the fake OTLP receiver: encodings, gzip, headers, the answer table, partialSuccess, probe and preview.
import { gunzipSync } from 'node:zlib';
import type { Connector, DeliveryResult } from '@outflow/core';
import { sampleBatch } from '@outflow/connector-testkit';
import { otlpStatus, otlpSuccess, startOtlpFake, type OtlpFake } from '@outflow/connector-testkit/fakes/otlp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_KEY, connect, makeContext, never } from './fixtures.js';

let fake: OtlpFake;
let conn: Connector | undefined;
beforeEach(async () => {
  fake = await startOtlpFake({ requiredHeaders: { 'api-key': API_KEY } });
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
  it('POSTs gzipped protobuf to <endpoint>/v1/logs with the configured headers', async () => {
    conn = connect(fake.url);
    const batch = sampleBatch(6);
    expect(await conn.send(batch, never())).toEqual({ status: 'success' });
    const [req] = fake.logRequests();
    expect(req).toMatchObject({ method: 'POST', path: '/v1/logs' });
    expect(req?.headers).toMatchObject({ 'content-type': 'application/x-protobuf', 'content-encoding': 'gzip', 'api-key': API_KEY });
    expect(req?.headers['user-agent']).toMatch(/^outflow\/\d+\.\d+\.\d+$/);
    expect(gunzipSync(req!.rawBody).equals(req!.body)).toBe(true);
    expect(fake.records().map((r) => r.attributes['auth0.log_id'])).toEqual(batch.logIds);
  });

  it('sends uncompressed OTLP/JSON when configured, under a path prefix', async () => {
    await fake.close();
    fake = await startOtlpFake({ path: '/otlp/v1/logs', requiredHeaders: { authorization: 'Basic MTIzNDU2OmdsY190b2tlbg==' } });
    conn = connect(`${fake.url}/otlp`, { encoding: 'json', compression: 'none', headers: { Authorization: 'Basic MTIzNDU2OmdsY190b2tlbg==' } });
    expect(await conn.send(sampleBatch(3), never())).toEqual({ status: 'success' });
    const [req] = fake.logRequests();
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.headers['content-encoding']).toBeUndefined();
    expect(req?.json<{ resourceLogs: unknown[] }>().resourceLogs).toHaveLength(1);
    expect(fake.records()).toHaveLength(3);
  });
});

describe('answers', () => {
  it('a refused key → auth; the fake keeps nothing', async () => {
    conn = connect(fake.url, { headers: { 'api-key': 'wrong-key-000' } });
    expect(failure(await conn.send(sampleBatch(2), never())).error).toMatchObject({ kind: 'auth', details: { status: 401 } });
    expect(fake.records()).toEqual([]);
  });

  it.each(['protobuf', 'json'] as const)('400 quotes the google.rpc.Status message (%s) and refuses the batch for good', async (encoding) => {
    conn = connect(fake.url, { encoding });
    fake.enqueue(otlpStatus(400, 'invalid log record: body too deep', encoding));
    const result = failure(await conn.send(sampleBatch(2), never()));
    expect(result).toMatchObject({ status: 'permanent', error: { kind: 'invalid', details: { status: 400 } } });
    expect(result.error.message).toBe('The OTLP receiver answered HTTP 400: invalid log record: body too deep.');
  });

  it('429 and 503 are retryable after Retry-After; 500 and 408 are not resent (permanent, kind transient: no dead letters)', async () => {
    conn = connect(fake.url);
    fake.enqueue(otlpStatus(429, 'slow down', 'protobuf', { 'retry-after': '7' }), otlpStatus(503, 'busy', 'protobuf', { 'retry-after': '2' }));
    fake.enqueue(otlpStatus(500, 'exporter failed'), { status: 408 });
    expect(await conn.send(sampleBatch(1), never())).toMatchObject({ status: 'retryable', retryAfterMs: 7000, error: { kind: 'throttled' } });
    expect(await conn.send(sampleBatch(1), never())).toMatchObject({ status: 'retryable', retryAfterMs: 2000, error: { kind: 'transient' } });
    expect(await conn.send(sampleBatch(1), never())).toMatchObject({ status: 'permanent', error: { kind: 'transient', details: { status: 500 } } });
    expect(await conn.send(sampleBatch(1), never())).toMatchObject({ status: 'permanent', error: { kind: 'transient', details: { status: 408 } } });
    expect(fake.logRequests()).toHaveLength(4);
  });

  it('404 is a config error (no receiver at this URL); 413 asks the platform to split', async () => {
    conn = connect(`${fake.url}/wrong`);
    expect(failure(await conn.send(sampleBatch(1), never())).error).toMatchObject({ kind: 'config', details: { status: 404 } });
    await conn.close();
    conn = connect(fake.url);
    fake.enqueue(otlpStatus(413, 'request body too large'));
    expect(failure(await conn.send(sampleBatch(1), never())).error).toMatchObject({ kind: 'invalid', details: { status: 413, tooLarge: true } });
  });

  it('keeps a redacted excerpt of a non-OTLP error body (e.g. a proxy page)', async () => {
    conn = connect(fake.url);
    fake.enqueue({ status: 403, headers: { 'content-type': 'text/html' }, body: `<h1>Forbidden</h1> key ${API_KEY}` });
    const result = failure(await conn.send(sampleBatch(1), never()));
    expect(result.error).toMatchObject({ kind: 'auth', message: 'The OTLP receiver answered HTTP 403 (check the credential headers).' });
    expect(result.error.details.responseBody).toBe('<h1>Forbidden</h1> key [REDACTED]');
  });

  it('redacts a header secret echoed in an error message', async () => {
    conn = connect(fake.url);
    fake.enqueue(otlpStatus(400, `bad api-key ${API_KEY}`));
    const result = failure(await conn.send(sampleBatch(1), never()));
    expect(JSON.stringify(result)).not.toContain(API_KEY);
    expect(result.error.message).toContain('[REDACTED]');
  });
});

describe('partialSuccess', () => {
  it.each(['protobuf', 'json'] as const)('some records rejected (%s): delivered, with a warning naming the count and message', async (encoding) => {
    const ctx = makeContext();
    conn = connect(fake.url, { encoding }, ctx);
    fake.setVerdict((r) => (r.attributes['auth0.type'] === 'f' ? 'reject' : 'accept'));
    const batch = sampleBatch(8);
    expect(await conn.send(batch, never())).toEqual({ status: 'success' });
    const rejected = batch.types.filter((t) => t === 'f').length;
    expect(rejected).toBeGreaterThan(0);
    expect(fake.records()).toHaveLength(8 - rejected);
    const warning = ctx.logs.entries.find((e) => e.level === 'warn');
    expect(warning?.fields).toMatchObject({ rejected, errorMessage: `${rejected} log records were rejected` });
    expect(warning?.msg).toMatch(/rejected some log records; OTLP does not say which/);
  });

  it('a warning without rejections is logged too; an empty or unreadable 2xx body is a plain success', async () => {
    const ctx = makeContext();
    conn = connect(fake.url, {}, ctx);
    fake.enqueue(
      otlpSuccess('protobuf', 0, 'attribute auth0.description truncated'),
      { status: 200 },
      { status: 200, headers: { 'content-type': 'application/json' }, body: 'not json' },
    );
    for (let i = 0; i < 3; i++) expect(await conn.send(sampleBatch(2), never())).toEqual({ status: 'success' });
    expect(ctx.logs.entries.filter((e) => e.level === 'warn').map((e) => e.fields.errorMessage)).toEqual(['attribute auth0.description truncated']);
  });

  it('every record rejected: each one failed, not retryable (dead letters), with the receiver’s message', async () => {
    conn = connect(fake.url, { encoding: 'json' });
    fake.setVerdict(() => 'reject');
    const result = await conn.send(sampleBatch(3), never());
    expect(result).toEqual({
      status: 'partial',
      failed: [0, 1, 2].map((index) => ({
        index,
        retryable: false,
        status: 200,
        reason: 'The OTLP receiver rejected every log record of the request: 3 log records were rejected',
      })),
    });
  });

  it('a request the receiver refuses whole (400) is permanent invalid', async () => {
    conn = connect(fake.url);
    fake.setVerdict((r) => (r.attributes['auth0.type'] === 'sapi' ? 'refuse-request' : 'accept'));
    expect(failure(await conn.send(sampleBatch(8), never())).error.kind).toBe('invalid');
    expect(await conn.send(sampleBatch(1), never())).toEqual({ status: 'success' });
  });
});

describe('healthcheck and preview', () => {
  it('the probe POSTs an empty export (no records) with the headers: ok, or auth when refused', async () => {
    conn = connect(fake.url);
    expect(await conn.healthcheck(never())).toMatchObject({ ok: true });
    expect(fake.logRequests()[0]?.body.length).toBe(0);
    expect(fake.records()).toEqual([]);
    await conn.close();
    conn = connect(fake.url, { headers: { 'api-key': 'nope-nope' } });
    expect(await conn.healthcheck(never())).toMatchObject({ ok: false, error: { kind: 'auth' } });
    await conn.close();
    conn = connect(`${fake.url}/nowhere`);
    expect(await conn.healthcheck(never())).toMatchObject({ ok: false, error: { kind: 'config' } });
  });

  it('the preview shows the exact JSON request with every header value masked', () => {
    conn = connect(fake.url, { encoding: 'json', headers: { 'api-key': API_KEY, 'X-Scope-OrgID': 'tenant-1' } });
    const [req] = conn.preview!(sampleBatch(2)).requests;
    expect(req).toMatchObject({ method: 'POST', url: `${fake.url}/v1/logs` });
    expect(req?.headers).toMatchObject({
      'api-key': '[REDACTED]',
      'X-Scope-OrgID': '[REDACTED]',
      'Content-Type': 'application/json',
      'Content-Encoding': 'gzip',
    });
    expect(JSON.parse(req!.body).resourceLogs[0].scopeLogs[0].logRecords).toHaveLength(2);
    expect(fake.requests).toHaveLength(0);
  });
});
