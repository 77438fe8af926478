// Golden payloads: a fixed envelope → the exact NDJSON line the listener receives, on the wire and in previews.
import { batchFromEnvelopes, type LogEnvelope } from '@outflow/core';
import { sampleBatch, sampleEnvelopes } from '@outflow/connector-testkit';
import { startLogzioFake, type LogzioFake } from '@outflow/connector-testkit/fakes/logzio';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeLines, lineParts, MAX_LINE_BYTES } from '../src/index.js';
import { connect, GOLDEN_ENVELOPE, goldenBatch, never, TOKEN } from './fixtures.js';

const ID = GOLDEN_ENVELOPE.log_id;
const DATA = `{"date":"2026-01-01T12:00:00.123Z","type":"f","description":"Wrong email or password.","hostname":"acme.eu.auth0.com","ip":"203.0.113.7","user_name":"ada@example.com","details":{"error":{"message":"Wrong email or password."}},"log_id":"${ID}"}`;

/** The exact body for GOLDEN_ENVELOPE: `@timestamp` (the event's date), then the stored envelope's fields. */
const GOLDEN_LINE = `{"@timestamp":"2026-01-01T12:00:00.123Z","log_id":"${ID}","data":${DATA}}\n`;

const envelope = (log_id: string, data: Record<string, unknown>): LogEnvelope => ({
  log_id,
  data: { log_id, type: 's', date: '2026-02-03T04:05:06Z', ...data },
});

describe('encodeLines', () => {
  it('writes the golden line: @timestamp spliced before the stored envelope', () => {
    const { body, indices, oversized } = encodeLines(goldenBatch());
    expect(body.toString('utf8')).toBe(GOLDEN_LINE);
    expect(indices).toEqual([0]);
    expect(oversized).toEqual([]);
  });

  it('keeps the stored envelope bytes as they are after the @timestamp', () => {
    const batch = sampleBatch(3);
    const body = encodeLines(batch).body;
    for (let i = 0; i < 3; i++) expect(body.includes(batch.raw(i).subarray(1))).toBe(true);
    const lines = body.toString('utf8').split('\n');
    expect(lines.pop()).toBe('');
    lines.forEach((line, i) => {
      const { '@timestamp': ts, ...rest } = JSON.parse(line) as { '@timestamp': string };
      expect(rest).toEqual(sampleEnvelopes(3)[i]);
      expect(ts).toBe(sampleEnvelopes(3)[i]?.data.date);
    });
  });

  it('adds no @timestamp when the date is not an ISO instant (Logz.io then stamps the arrival)', () => {
    const odd = envelope('x1', { date: 'yesterday' });
    expect(encodeLines(batchFromEnvelopes([odd])).body.toString('utf8')).toBe(`${JSON.stringify(odd)}\n`);
    expect(lineParts(Buffer.from('{"log_id":"x"}'), '2026-01-01T00:00:00+02:00').map(String)).toEqual([
      '{"@timestamp":"2026-01-01T00:00:00+02:00",',
      '"log_id":"x"}',
    ]);
    expect(lineParts(Buffer.from('{"log_id":"x"}'), '2026-01-01T00:00:00"').map(String)).toEqual(['{"log_id":"x"}']);
  });

  it('re-serializes envelope text that is not one line, so each event stays one line', () => {
    const text = Buffer.from('{\n  "log_id": "m1",\n  "data": {"date": "2026-01-01T00:00:00Z"}\n}');
    expect(Buffer.concat(lineParts(text, '2026-01-01T00:00:00Z')).toString()).toBe(
      '{"@timestamp":"2026-01-01T00:00:00Z","log_id":"m1","data":{"date":"2026-01-01T00:00:00Z"}}',
    );
  });

  it('refuses a line over 500,000 bytes and keeps one of exactly 500,000', () => {
    const sized = (id: string, lineBytes: number) => {
      const base = Buffer.concat(lineParts(Buffer.from(JSON.stringify(envelope(id, { pad: '' }))), '2026-02-03T04:05:06Z')).length;
      return envelope(id, { pad: 'p'.repeat(lineBytes - base) });
    };
    const batch = batchFromEnvelopes([envelope('a', {}), sized('exact', MAX_LINE_BYTES), sized('over', MAX_LINE_BYTES + 1), envelope('b', {})]);
    const { body, indices, oversized } = encodeLines(batch);
    expect(indices).toEqual([0, 1, 3]);
    expect(oversized).toEqual([2]);
    const lines = body.toString('utf8').split('\n');
    expect(Buffer.byteLength(lines[1] ?? '')).toBe(MAX_LINE_BYTES);
    expect(lines.map((l) => (l ? (JSON.parse(l) as { log_id: string }).log_id : ''))).toEqual(['a', 'exact', 'b', '']);
  });

  it('is empty for an empty batch', () => {
    expect(encodeLines(sampleBatch(0))).toEqual({ body: Buffer.alloc(0), indices: [], oversized: [] });
  });
});

describe('golden payloads on the wire', () => {
  let fake: LogzioFake;
  beforeEach(async () => {
    fake = await startLogzioFake();
  });
  afterEach(() => fake.close());

  it('gzip by default: the fake receives exactly the golden line, with token and type in the query', async () => {
    const conn = connect(fake.url, { logzioType: 'auth0-prod' });
    expect(await conn.send(goldenBatch(), never())).toEqual({ status: 'success' });
    await conn.close();
    const req = fake.requests[0]!;
    expect(req).toMatchObject({ method: 'POST', path: '/' });
    expect(req.query.get('token')).toBe(TOKEN);
    expect(req.query.get('type')).toBe('auth0-prod');
    expect(req.headers['content-encoding']).toBe('gzip');
    expect(req.headers['content-type']).toBe('text/plain');
    expect(req.headers['user-agent']).toMatch(/^outflow\/\d+\.\d+\.\d+/);
    expect(req.rawBody.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(req.text()).toBe(GOLDEN_LINE);
    expect(fake.logs()).toEqual([{ ...(JSON.parse(GOLDEN_LINE) as object), type: 'auth0-prod' }]);
  });

  it('without compression: exactly the golden bytes', async () => {
    const conn = connect(fake.url, { logzioCompression: 'none' });
    expect(await conn.send(goldenBatch(), never())).toEqual({ status: 'success' });
    await conn.close();
    const req = fake.requests[0]!;
    expect(req.headers['content-encoding']).toBeUndefined();
    expect(req.rawBody.toString('utf8')).toBe(GOLDEN_LINE);
  });

  it('previews the exact request with the token masked in the URL', () => {
    const conn = connect(fake.url);
    const [req] = conn.preview!(goldenBatch()).requests;
    expect(req).toEqual({
      method: 'POST',
      url: `${fake.url}/?token=[REDACTED]&type=auth0`,
      headers: { 'Content-Type': 'text/plain', 'User-Agent': expect.stringMatching(/^outflow\//), 'Content-Encoding': 'gzip' },
      body: GOLDEN_LINE,
    });
    expect(JSON.stringify(req)).not.toContain(TOKEN);
    expect(fake.requests).toHaveLength(0);
  });
});
