// The fake destination: recording, gzip, scripted answers, resets, stalls, delays, body caps and sockets.
import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '../src/index.js';

let fake: FakeServer;
afterEach(() => fake?.close());

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(url: string, init: { method?: string; headers?: Record<string, string>; body?: Buffer | string; signal?: AbortSignal } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'POST', headers: init.headers, signal: init.signal, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('startFakeServer', () => {
  it('records method, path, query, headers and body, and answers 200 {} by default', async () => {
    fake = await startFakeServer();
    expect(fake.url).toBe(`http://127.0.0.1:${fake.port}`);
    const reply = await send(`${fake.url}/v1/input?source=auth0&x=1`, { headers: { 'content-type': 'application/json', 'x-key': 'k' }, body: '{"a":1}' });
    expect(reply).toMatchObject({ status: 200, body: '{}' });
    const [req] = fake.requests;
    expect(req).toMatchObject({ method: 'POST', path: '/v1/input' });
    expect(req?.query.get('source')).toBe('auth0');
    expect(req?.headers['x-key']).toBe('k');
    expect(req?.json()).toEqual({ a: 1 });
    expect(req?.text()).toBe('{"a":1}');
    expect(req?.at).toBeGreaterThan(0);
  });

  it('gunzips bodies sent with Content-Encoding: gzip and keeps the raw bytes', async () => {
    fake = await startFakeServer();
    const raw = gzipSync('line 1\nline 2\n');
    await send(fake.url, { headers: { 'content-encoding': 'gzip' }, body: raw });
    expect(fake.requests[0]?.text()).toBe('line 1\nline 2\n');
    expect(fake.requests[0]?.rawBody.equals(raw)).toBe(true);
  });

  it('answers 400 to a body that is not valid gzip', async () => {
    fake = await startFakeServer();
    expect((await send(fake.url, { headers: { 'content-encoding': 'gzip' }, body: 'plain' })).status).toBe(400);
  });

  it('uses queued answers in order, then the handler; object bodies become JSON', async () => {
    fake = await startFakeServer((req) => ({ status: 201, body: { path: req.path } }));
    fake.enqueue({ status: 503, headers: { 'retry-after': '3' } }, { status: 429, body: 'slow down' });
    const a = await send(fake.url);
    expect(a.status).toBe(503);
    expect(a.headers['retry-after']).toBe('3');
    expect(await send(fake.url)).toMatchObject({ status: 429, body: 'slow down' });
    const c = await send(`${fake.url}/x`);
    expect(c).toMatchObject({ status: 201, body: '{"path":"/x"}' });
    expect(c.headers['content-type']).toBe('application/json');
  });

  it('setHandler replaces the handler; reset() forgets requests and the queue and restores it', async () => {
    fake = await startFakeServer();
    fake.setHandler(async () => ({ status: 401 }));
    expect((await send(fake.url)).status).toBe(401);
    fake.enqueue({ status: 500 });
    fake.reset();
    expect(fake.requests).toHaveLength(0);
    expect((await send(fake.url)).status).toBe(200);
  });

  it('answers 500 when the handler throws', async () => {
    fake = await startFakeServer(() => {
      throw new Error('boom');
    });
    expect(await send(fake.url)).toMatchObject({ status: 500, body: '{"error":"boom"}' });
  });

  it('reset destroys the socket', async () => {
    fake = await startFakeServer();
    fake.enqueue({ reset: true });
    await expect(send(fake.url)).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(fake.requests).toHaveLength(1);
  });

  it('stall never answers; close() still returns and frees the client', async () => {
    fake = await startFakeServer();
    fake.enqueue({ stall: true });
    const pending = send(fake.url, { signal: AbortSignal.timeout(200) });
    await expect(pending).rejects.toThrow(/abort/i);
    fake.enqueue({ stall: true });
    const hung = send(fake.url).catch((err: Error) => err);
    await new Promise((r) => setTimeout(r, 50));
    await fake.close();
    expect(await hung).toBeInstanceOf(Error);
  });

  it('delays an answer by delayMs', async () => {
    fake = await startFakeServer();
    fake.enqueue({ status: 200, delayMs: 150 });
    const started = Date.now();
    await send(fake.url);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('answers 413 to bodies over maxBodyBytes without calling the handler', async () => {
    let called = 0;
    fake = await startFakeServer(() => ({ status: 200, body: String(++called) }), { maxBodyBytes: 10 });
    expect((await send(fake.url, { body: 'x'.repeat(11) })).status).toBe(413);
    expect((await send(fake.url, { body: 'x'.repeat(10) })).status).toBe(200);
    expect(called).toBe(1);
    expect(fake.requests).toHaveLength(2);
  });

  it('counts open sockets and closes twice safely', async () => {
    fake = await startFakeServer();
    fake.enqueue({ stall: true });
    void send(fake.url).catch(() => {});
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.openConnections()).toBe(1);
    await fake.close();
    await fake.close();
    expect(fake.openConnections()).toBe(0);
  });
});
