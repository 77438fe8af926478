// Issue 11 item 7: ingest bodies sent with Content-Encoding gzip, deflate or br; the body limit applies after decoding.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEncodedBody } from '../src/server/read-encoded-body.js';
import { HttpError } from '../src/server/respond.js';
import { baseConfig, startTestApp, TOKEN, type TestApp } from './support/app.js';
import { makeEvent, ndjson } from './support/events.js';

const LIMIT = 1024 * 1024;
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp(baseConfig('').replace('server: { host: 127.0.0.1, port: 0 }', `server: { host: 127.0.0.1, port: 0, maxBodyBytes: ${LIMIT} }`));
});
afterAll(async () => app?.stop());

const post = (body: Buffer, encoding: string, type = 'application/json') =>
  fetch(`${app.url}/v1/logs`, { method: 'POST', headers: { 'content-type': type, 'content-encoding': encoding, authorization: `Bearer ${TOKEN}` }, body });
const stored = async () => (await app.store.events.bounds('acme')).lastSeq;
const answer = async (res: Response) => ({ status: res.status, ...((await res.json()) as { message: string; errorCode?: string }) });

describe('POST /v1/logs with Content-Encoding', () => {
  it('stores a gzip JSON array, a deflate NDJSON body and a br JSON body as if sent plain', async () => {
    const before = await stored();
    const events = [makeEvent(), makeEvent(), makeEvent()];
    const array = Buffer.from(JSON.stringify(events));
    expect((await post(gzipSync(array), 'gzip')).status).toBe(202);
    expect((await post(deflateSync(Buffer.from(ndjson(events))), 'deflate', 'application/x-ndjson')).status).toBe(202);
    const br = await post(brotliCompressSync(array), 'br');
    expect([br.status, await br.json()]).toEqual([202, { accepted: 3 }]);
    expect(await stored()).toBe(before + 9);
    const { batch } = await app.store.events.read({ tenant: 'acme', afterSeq: before, filter: null, maxEvents: 3, maxBytes: LIMIT });
    expect(batch.envelopes().map((e) => e.data)).toEqual(events);
  });

  it('takes x-gzip, identity, upper case and a comma list of codings (undone right to left)', async () => {
    const before = await stored();
    const body = () => Buffer.from(JSON.stringify([makeEvent()]));
    for (const [encoded, encoding] of [
      [gzipSync(body()), 'x-gzip'],
      [body(), 'identity'],
      [gzipSync(body()), 'GZIP'],
      [gzipSync(body()), 'gzip, identity'],
      [gzipSync(deflateSync(body())), 'deflate, gzip'],
    ] as const) {
      const res = await post(encoded, encoding);
      expect([encoding, res.status]).toEqual([encoding, 202]);
    }
    expect(await stored()).toBe(before + 5);
  });

  it('answers 413 for a gzip bomb (10 MB of zeros) and stores nothing', async () => {
    const before = await stored();
    const bomb = gzipSync(Buffer.alloc(10 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const res = await post(bomb, 'gzip');
    expect(await answer(res)).toMatchObject({
      status: 413,
      errorCode: 'payload_too_large',
      message: `The body decompresses to more than the limit of ${LIMIT} bytes.`,
    });
    expect(await stored()).toBe(before);
  });

  it('answers 415 naming an unsupported coding and 400 naming the coding of corrupt data', async () => {
    const before = await stored();
    const body = Buffer.from(JSON.stringify([makeEvent()]));
    expect(await answer(await post(body, 'zstd'))).toMatchObject({
      status: 415,
      message: 'Unsupported Content-Encoding "zstd"; send gzip, deflate, br or identity.',
    });
    expect(await answer(await post(gzipSync(body), 'gzip, compress'))).toMatchObject({ status: 415, message: expect.stringContaining('"compress"') });
    const corrupt = Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from('not gzip at all')]);
    expect(await answer(await post(corrupt, 'gzip'))).toMatchObject({
      status: 400,
      errorCode: 'bad_body',
      message: expect.stringMatching(/^The body is not valid gzip data \(Content-Encoding: gzip\): /),
    });
    const truncated = gzipSync(body).subarray(0, 20);
    expect(await answer(await post(truncated, 'gzip'))).toMatchObject({ status: 400, message: expect.stringContaining('unexpected end of file') });
    expect(await answer(await post(body, 'br'))).toMatchObject({ status: 400, message: expect.stringMatching(/^The body is not valid br data/) });
    expect(await answer(await post(gzipSync(body), 'deflate'))).toMatchObject({
      status: 400,
      message: expect.stringMatching(/^The body is not valid deflate data/),
    });
    expect(await stored()).toBe(before);
  });
});

describe('readEncodedBody', () => {
  let server: Server;
  let url: string;
  const outcomes: Array<{ bytes: number } | { status: number; message: string }> = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      readEncodedBody(req, LIMIT)
        .then(
          (body) => outcomes.push({ bytes: body.length }),
          (err: unknown) => outcomes.push(err instanceof HttpError ? { status: err.status, message: err.message } : { status: 0, message: String(err) }),
        )
        .finally(() => res.end());
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  it('stops inflating a 1 GiB bomb at the limit: 413, and memory grows by far less than the bomb', async () => {
    // 64 gzip members of 16 MiB of zeros each: 1 GiB inflated from about 1 MB.
    const member = gzipSync(Buffer.alloc(16 * 1024 * 1024), { level: 9 });
    const bomb = Buffer.concat(Array.from({ length: 64 }, () => member));
    expect(bomb.length).toBeLessThan(LIMIT);
    const before = process.memoryUsage().arrayBuffers;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().arrayBuffers)), 5);
    await fetch(url, { method: 'POST', headers: { 'content-encoding': 'gzip' }, body: bomb });
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    expect(outcomes.pop()).toEqual({ status: 413, message: `The body decompresses to more than the limit of ${LIMIT} bytes.` });
    expect(peak - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('reads exactly the limit, inflated, and plain bodies as before', async () => {
    await fetch(url, { method: 'POST', headers: { 'content-encoding': 'br' }, body: brotliCompressSync(Buffer.alloc(LIMIT, 0x61)) });
    await fetch(url, { method: 'POST', body: Buffer.alloc(100, 0x61) });
    expect(outcomes.splice(0)).toEqual([{ bytes: LIMIT }, { bytes: 100 }]);
  });
});
