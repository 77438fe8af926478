// The fake Logz.io listener: token in the query, gzip, NDJSON line classes, the 400 line counts, body and line limits.
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { LOGZIO_FAKE_TOKEN, LOGZIO_LISTENER_LIMITS, startLogzioFake, type LogzioFake } from '../src/fakes/logzio.js';

let fake: LogzioFake;
afterEach(() => fake?.close());

const url = (query = `token=${LOGZIO_FAKE_TOKEN}&type=auth0`, path = '/') => `${fake.url}${path}?${query}`;

async function post(target: string, body: string | Buffer, headers: Record<string, string> = {}) {
  const res = await fetch(target, { method: 'POST', headers, body });
  return { status: res.status, text: await res.text() };
}

describe('logzio fake', () => {
  it('stores every line of a valid body and answers 200 with an empty body, filing lines under the query type', async () => {
    fake = await startLogzioFake();
    const res = await post(url(), '{"log_id":"a","n":1}\n{"log_id":"b","type":"own"}\n');
    expect(res).toEqual({ status: 200, text: '' });
    expect(fake.logs()).toEqual([
      { log_id: 'a', n: 1, type: 'auth0' },
      { log_id: 'b', type: 'own' },
    ]);
    expect(fake.countsByLogId()).toEqual(
      new Map([
        ['a', 1],
        ['b', 1],
      ]),
    );
  });

  it('refuses a missing or wrong token with 401 and the listener reason, storing nothing', async () => {
    fake = await startLogzioFake();
    expect(await post(url('type=auth0'), '{"a":1}\n')).toEqual({ status: 401, text: 'Logging token is missing' });
    expect(await post(url('token=wrong&type=auth0'), '{"a":1}\n')).toEqual({ status: 401, text: 'Logging token is not valid' });
    expect(fake.logs()).toHaveLength(0);
  });

  it('reads gzip bodies and refuses other encodings and broken gzip', async () => {
    fake = await startLogzioFake();
    expect((await post(url(), gzipSync('{"log_id":"z"}\n'), { 'content-encoding': 'gzip' })).status).toBe(200);
    expect(fake.logs().map((l) => l.log_id)).toEqual(['z']);
    expect((await post(url(), 'x', { 'content-encoding': 'br' })).status).toBe(400);
    expect((await post(url(), 'not gzip', { 'content-encoding': 'gzip' })).status).toBe(400);
    expect(fake.logs()).toHaveLength(1);
  });

  it('answers 400 with the line counts, storing the successful lines (partial acceptance)', async () => {
    fake = await startLogzioFake();
    const long = JSON.stringify({ pad: 'x'.repeat(LOGZIO_LISTENER_LIMITS.maxLineBytes) });
    const res = await post(url(), `{"log_id":"ok1"}\nnot json\n\n${long}\n[1,2]\n{"log_id":"ok2"}\n`);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toEqual({ malformedLines: 2, successfulLines: 2, oversizedLines: 1, emptyLogLines: 1 });
    expect(fake.logs().map((l) => l.log_id)).toEqual(['ok1', 'ok2']);
    expect(fake.refusals()).toHaveLength(1);
  });

  it('takes a line of exactly 500,000 bytes and refuses one byte more', async () => {
    fake = await startLogzioFake();
    const line = (n: number) => `{"p":"${'x'.repeat(n - 8)}"}`;
    expect(Buffer.byteLength(line(LOGZIO_LISTENER_LIMITS.maxLineBytes))).toBe(500_000);
    expect((await post(url(), `${line(500_000)}\n`)).status).toBe(200);
    const over = await post(url(), `${line(500_001)}\n`);
    expect(JSON.parse(over.text)).toMatchObject({ oversizedLines: 1, successfulLines: 0 });
  });

  it('deems lines malformed by the test rule (a poisoned event)', async () => {
    fake = await startLogzioFake({ malformed: (_line, parsed) => parsed.poison === true });
    const res = await post(url(), '{"log_id":"a"}\n{"log_id":"p","poison":true}\n');
    expect(JSON.parse(res.text)).toEqual({ malformedLines: 1, successfulLines: 1, oversizedLines: 0, emptyLogLines: 0 });
    expect(fake.countsByLogId()).toEqual(new Map([['a', 1]]));
  });

  it('answers 413 to a body over 10 MB, also when it only gets there after gunzip', async () => {
    fake = await startLogzioFake();
    const big = `${JSON.stringify({ p: 'y'.repeat(400_000) })}\n`.repeat(27);
    expect(Buffer.byteLength(big)).toBeGreaterThan(LOGZIO_LISTENER_LIMITS.maxBodyBytes);
    expect((await post(url(), big)).status).toBe(413);
    const zipped = gzipSync(big);
    expect(zipped.length).toBeLessThan(LOGZIO_LISTENER_LIMITS.maxBodyBytes);
    expect((await post(url(), zipped, { 'content-encoding': 'gzip' })).status).toBe(413);
    expect(fake.logs()).toHaveLength(0);
  });

  it('answers 404 off the root path and 405 to other methods; an empty POST stores nothing and is not a shipment', async () => {
    fake = await startLogzioFake();
    expect((await post(url(undefined, '/v1/logs'), '{}\n')).status).toBe(404);
    expect((await fetch(url(), { method: 'GET' })).status).toBe(405);
    expect(await post(url(), '')).toEqual({ status: 200, text: '' });
    expect(fake.shipments()).toHaveLength(0);
    expect(fake.logs()).toHaveLength(0);
    fake.reset();
    expect(fake.requests).toHaveLength(0);
  });
});
