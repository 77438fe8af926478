// Golden payloads: a fixed envelope → the exact JSON Datadog receives, on the wire and in previews.
import { batchFromEnvelopes, type LogEnvelope } from '@outflow/core';
import { startDatadogFake, type DatadogFake } from '@outflow/connector-testkit/fakes/datadog';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toLogItem, wireBody, type ItemDefaults } from '../src/index.js';
import { connect, GOLDEN_ENVELOPE, goldenBatch, never } from './fixtures.js';

const ID = GOLDEN_ENVELOPE.log_id;
const DATA = `{"date":"2026-01-01T12:00:00.123Z","type":"f","description":"Wrong email or password.","hostname":"acme.eu.auth0.com","ip":"203.0.113.7","user_name":"ada@example.com","details":{"error":{"message":"Wrong email or password."}},"log_id":"${ID}"}`;

/** The exact body for GOLDEN_ENVELOPE with tags env:prod and team:identity. */
const GOLDEN_TAGGED =
  `[{"ddsource":"auth0","ddtags":"env:prod,team:identity","hostname":"acme.eu.auth0.com","message":"Wrong email or password.","service":"auth0",` +
  `"log_id":"${ID}","date":"2026-01-01T12:00:00.123Z","data":${DATA}}]`;

/** The exact body with custom service/source, a fixed hostname and no tags. */
const GOLDEN_CUSTOM =
  `[{"ddsource":"auth0-logs","hostname":"login.acme.com","message":"Wrong email or password.","service":"identity",` +
  `"log_id":"${ID}","date":"2026-01-01T12:00:00.123Z","data":${DATA}}]`;

const defaults: ItemDefaults = { ddsource: 'auth0', service: 'auth0' };

describe('log items', () => {
  it('keep the envelope (log_id, data) and add the reserved attributes', () => {
    const item = toLogItem(GOLDEN_ENVELOPE, defaults);
    expect(item).toEqual({
      ddsource: 'auth0',
      hostname: 'acme.eu.auth0.com',
      message: 'Wrong email or password.',
      service: 'auth0',
      additionalProperties: { log_id: ID, date: '2026-01-01T12:00:00.123Z', data: GOLDEN_ENVELOPE.data },
    });
    expect(item.ddtags).toBeUndefined();
  });

  it('uses the type code as message without a description, and omits a missing hostname', () => {
    const env: LogEnvelope = { log_id: 'x1', data: { log_id: 'x1', date: '2026-01-01T00:00:00.000Z', type: 'sapi', description: null } };
    const item = toLogItem(env, defaults);
    expect(item.message).toBe('sapi');
    expect('hostname' in item).toBe(false);
    expect(JSON.parse(wireBody([item]))).toEqual([{ ddsource: 'auth0', message: 'sapi', service: 'auth0', log_id: 'x1', date: env.data.date, data: env.data }]);
  });

  it("serializes like Datadog's client: reserved attributes first, then log_id, date, data", () => {
    expect(wireBody([toLogItem(GOLDEN_ENVELOPE, { ...defaults, ddtags: 'env:prod,team:identity' })])).toBe(GOLDEN_TAGGED);
  });
});

describe('golden payloads on the wire', () => {
  let fake: DatadogFake;
  beforeEach(async () => {
    fake = await startDatadogFake();
  });
  afterEach(() => fake.close());

  it('gzip, tags, default service and source: the fake receives exactly the golden body', async () => {
    const conn = connect(fake.url, { datadogTags: ['env:prod', 'team:identity'] });
    expect(await conn.send(goldenBatch(), never())).toEqual({ status: 'success' });
    await conn.close();
    const req = fake.requests[0]!;
    expect(req.headers['content-encoding']).toBe('gzip');
    expect(req.rawBody.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(req.text()).toBe(GOLDEN_TAGGED);
    expect(conn.preview!(goldenBatch()).requests[0]!.body).toBe(GOLDEN_TAGGED);
  });

  it('no compression, custom service/source/hostname: exactly the golden body', async () => {
    const conn = connect(fake.url, { datadogCompression: 'none', datadogService: 'identity', datadogSource: 'auth0-logs', datadogHostname: 'login.acme.com' });
    expect(await conn.send(goldenBatch(), never())).toEqual({ status: 'success' });
    await conn.close();
    const req = fake.requests[0]!;
    expect(req.headers['content-encoding']).toBeUndefined();
    expect(req.rawBody.toString('utf8')).toBe(GOLDEN_CUSTOM);
  });

  it('sends one item per event, in batch order, with each log_id', async () => {
    const envelopes = Array.from({ length: 5 }, (_, i) => ({
      ...GOLDEN_ENVELOPE,
      log_id: `${ID}${i}`,
      data: { ...GOLDEN_ENVELOPE.data, log_id: `${ID}${i}` },
    }));
    const conn = connect(fake.url);
    expect(await conn.send(batchFromEnvelopes(envelopes), never())).toEqual({ status: 'success' });
    await conn.close();
    expect(fake.logs().map((l) => l.log_id)).toEqual(envelopes.map((e) => e.log_id));
    expect(fake.logs().every((l, i) => (l.data as { log_id: string }).log_id === envelopes[i]!.log_id)).toBe(true);
  });
});
