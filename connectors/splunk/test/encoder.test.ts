// Golden payloads: a fixed envelope → the exact HEC lines, built from the stored text without re-serializing it.
import { batchFromEnvelopes, createLogBatch } from '@outflow/core';
import { startSplunkFake, type SplunkFake } from '@outflow/connector-testkit/fakes/splunk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hecBody, hecTime, type HecMetadata } from '../src/index.js';
import { connect, GOLDEN_ENVELOPE, goldenBatch, never } from './fixtures.js';

const ID = GOLDEN_ENVELOPE.log_id;
const EVENT =
  `{"log_id":"${ID}","data":{"date":"2026-01-01T12:00:00.123Z","type":"f","description":"Wrong email or password.","hostname":"acme.eu.auth0.com",` +
  `"ip":"203.0.113.7","user_name":"ada@example.com","details":{"error":{"message":"Wrong email or password."}},"log_id":"${ID}"}}`;

/** Defaults: source and sourcetype `auth0`, no index. */
const GOLDEN_DEFAULT = `{"time":1767268800.123,"host":"acme.eu.auth0.com","source":"auth0","sourcetype":"auth0","event":${EVENT}}\n`;
/** Custom source, sourcetype and index. */
const GOLDEN_INDEXED = `{"time":1767268800.123,"host":"acme.eu.auth0.com","source":"auth0-prod","sourcetype":"auth0:logs","index":"auth0_logs","event":${EVENT}}\n`;

const meta: HecMetadata = { source: 'auth0', sourcetype: 'auth0' };

describe('HEC encoding', () => {
  it('converts the event date to epoch seconds with milliseconds', () => {
    expect(hecTime('2026-01-01T12:00:00.123Z')).toBe('1767268800.123');
    expect(hecTime('2026-01-01T12:00:00Z')).toBe('1767268800.000');
    expect(hecTime('yesterday')).toBeUndefined();
    expect(hecTime(undefined)).toBeUndefined();
  });

  it('builds the golden line for the golden envelope', () => {
    expect(hecBody(goldenBatch(), meta).toString('utf8')).toBe(GOLDEN_DEFAULT);
    expect(hecBody(goldenBatch(), { source: 'auth0-prod', sourcetype: 'auth0:logs', index: 'auth0_logs' }).toString('utf8')).toBe(GOLDEN_INDEXED);
  });

  it('copies the stored text as it is (spacing, key order) and omits time and host it cannot find', () => {
    const raw = '{ "data" : { "type": "sapi", "hostname": "", "log_id": "x2" },  "log_id": "x2" }';
    const batch = createLogBatch({ seqs: [1], logIds: ['x2'], types: ['sapi'], raws: [Buffer.from(raw)] });
    expect(hecBody(batch, meta).toString('utf8')).toBe(`{"source":"auth0","sourcetype":"auth0","event":${raw}}\n`);
  });

  it('writes one line per event, in order, and nothing for an empty batch', () => {
    const envelopes = [0, 1, 2].map((i) => ({ ...GOLDEN_ENVELOPE, log_id: `${ID}${i}` }));
    const lines = hecBody(batchFromEnvelopes(envelopes), meta).toString('utf8').split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(lines.slice(0, 3).map((l) => (JSON.parse(l) as { event: { log_id: string } }).event.log_id)).toEqual(envelopes.map((e) => e.log_id));
    expect(hecBody(batchFromEnvelopes([]), meta).length).toBe(0);
  });
});

describe('golden payloads on the wire', () => {
  let fake: SplunkFake;
  beforeEach(async () => {
    fake = await startSplunkFake();
  });
  afterEach(() => fake.close());

  it('the fake receives exactly the golden body, uncompressed by default', async () => {
    const conn = connect(fake.url);
    expect(await conn.send(goldenBatch(), never())).toEqual({ status: 'success' });
    await conn.close();
    const req = fake.eventRequests()[0]!;
    expect(req.headers['content-encoding']).toBeUndefined();
    expect(req.rawBody.toString('utf8')).toBe(GOLDEN_DEFAULT);
    expect(fake.events()).toEqual([JSON.parse(GOLDEN_DEFAULT)]);
  });

  it('gzip with index, source and sourcetype: exactly the golden body after gunzip', async () => {
    const conn = connect(fake.url, { splunkCompression: 'gzip', splunkIndex: 'auth0_logs', splunkSource: 'auth0-prod', splunkSourcetype: 'auth0:logs' });
    expect(await conn.send(goldenBatch(), never())).toEqual({ status: 'success' });
    await conn.close();
    const req = fake.eventRequests()[0]!;
    expect(req.headers['content-encoding']).toBe('gzip');
    expect(req.rawBody.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(req.text()).toBe(GOLDEN_INDEXED);
    expect(conn.preview!(goldenBatch()).requests[0]!.body).toBe(GOLDEN_INDEXED);
  });
});
