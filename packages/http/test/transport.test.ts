// The HTTP transport against real servers on 127.0.0.1: statuses, caps, gzip, aborts, refusals, keep-alive, proxy, TLS.
import { inspect } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createEgressGuard, isTransportError, type HttpTransport } from '@outflow/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpTransport as createTransport, type HttpTransportOptions } from '../src/index.js';
import { deadUrl, eventually, fixture, startProxy, startServer, type TestProxy, type TestServer } from './servers.js';

const open = createEgressGuard({ allowHttp: true, allowPrivateNetworks: true });
const never = () => new AbortController().signal;

let server: TestServer | undefined;
let proxy: TestProxy | undefined;
let transport: HttpTransport | undefined;
afterEach(async () => {
  await transport?.close();
  await server?.close();
  await proxy?.close();
  server = proxy = transport = undefined;
  delete process.env.HTTP_PROXY;
  delete process.env.NO_PROXY;
});

async function rejection(work: Promise<unknown>) {
  const err = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isTransportError(err)).toBe(true);
  return err as { code: string; message: string };
}

describe.each([false, true])('createHttpTransport (lean path: %s)', (lean) => {
  // The lean node:http path must behave exactly like the axios one.
  const createHttpTransport = (options: HttpTransportOptions): HttpTransport => {
    const t = createTransport(options);
    return { ...t, request: (req) => t.request({ ...req, lean }) };
  };

  it.each([200, 404, 429, 503])('passes HTTP %i through with headers and body, never rejecting', async (status) => {
    server = await startServer((_req, res) => res.writeHead(status, { 'retry-after': '3' }).end(`answer ${status}`));
    transport = createHttpTransport({ guard: open });
    const res = await transport.request({ method: 'POST', url: `${server.url}/in`, headers: { 'X-Key': 'k' }, body: 'hello', signal: never() });
    expect(res).toMatchObject({ status, truncated: false });
    expect(res.headers['retry-after']).toBe('3');
    expect(res.body.toString()).toBe(`answer ${status}`);
    expect(server.requests[0]).toMatchObject({ method: 'POST', url: '/in', headers: { 'x-key': 'k' } });
    expect(server.requests[0]!.body.toString()).toBe('hello');
  });

  it('does not follow redirects', async () => {
    server = await startServer((_req, res) => res.writeHead(302, { location: '/elsewhere' }).end());
    transport = createHttpTransport({ guard: open });
    expect((await transport.request({ method: 'GET', url: server.url, signal: never() })).status).toBe(302);
    expect(server.requests).toHaveLength(1);
  });

  it('cuts a 10 MB answer at the cap and stops reading', async () => {
    let finished: boolean | undefined;
    server = await startServer((_req, res) => {
      res.writeHead(200);
      let left = 10 * 1024 * 1024;
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const pump = () => {
        while (left > 0) {
          left -= chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => (finished = res.writableFinished));
      pump();
    });
    transport = createHttpTransport({ guard: open, maxResponseBytes: 256 * 1024 });
    const res = await transport.request({ method: 'GET', url: server.url, signal: never() });
    expect(res.truncated).toBe(true);
    expect(res.body.length).toBe(256 * 1024);
    // The client hung up: the server never got to write the whole 10 MB.
    await eventually(() => finished !== undefined);
    expect(finished).toBe(false);
    const small = await transport.request({ method: 'GET', url: server.url, signal: never(), maxResponseBytes: 1000 });
    expect(small.body.length).toBe(1000);
  });

  it('decodes gzip answers and gzips request bodies on request', async () => {
    server = await startServer((_req, res, body) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(`got ${gunzipSync(body).toString()}`)));
    transport = createHttpTransport({ guard: open });
    const res = await transport.request({ method: 'POST', url: server.url, body: Buffer.from('{"a":1}'), compress: 'gzip', signal: never() });
    expect(res.body.toString()).toBe('got {"a":1}');
    expect(server.requests[0]!.headers['content-encoding']).toBe('gzip');
  });

  it('rejects with ABORTED promptly when aborted before the answer and mid-body', async () => {
    server = await startServer((req, res) => {
      if (req.url === '/body') res.writeHead(200).write('first part');
      // otherwise never answer
    });
    transport = createHttpTransport({ guard: open });
    const before = new AbortController();
    const pending = transport.request({ method: 'GET', url: `${server.url}/hang`, signal: before.signal });
    await eventually(() => server!.requests.length === 1);
    const t0 = Date.now();
    before.abort();
    expect((await rejection(pending)).code).toBe('ABORTED');
    expect(Date.now() - t0).toBeLessThan(1000);

    const mid = new AbortController();
    const reading = transport.request({ method: 'GET', url: `${server.url}/body`, signal: mid.signal });
    await eventually(() => server!.requests.length === 2);
    const t1 = Date.now();
    mid.abort();
    expect((await rejection(reading)).code).toBe('ABORTED');
    expect(Date.now() - t1).toBeLessThan(1000);

    const timed = await rejection(transport.request({ method: 'GET', url: `${server.url}/hang`, signal: AbortSignal.timeout(50) }));
    expect(timed.code).toBe('ETIMEDOUT');
  });

  it('rejects with ECONNREFUSED when nothing listens', async () => {
    transport = createHttpTransport({ guard: open });
    expect((await rejection(transport.request({ method: 'GET', url: await deadUrl(), signal: never() }))).code).toBe('ECONNREFUSED');
  });

  it('keeps the request headers and body out of a network error, its causes included (was a Splunk transport test)', async () => {
    transport = createHttpTransport({ guard: open });
    const err = await rejection(
      transport.request({
        method: 'POST',
        url: await deadUrl(),
        headers: { Authorization: 'Splunk header-secret-123' },
        body: 'body-secret-456',
        signal: never(),
      }),
    );
    const text = inspect(err, { depth: 20, showHidden: true });
    expect(text).toMatch(/ECONNREFUSED/);
    for (const secret of ['header-secret-123', 'body-secret-456']) expect(text).not.toContain(secret);
  });

  it('refuses [::ffff:127.0.0.1] under the strict policy before any byte is sent', async () => {
    server = await startServer((_req, res) => res.end('ok'));
    transport = createHttpTransport({ guard: createEgressGuard({ allowHttp: true, allowPrivateNetworks: false }) });
    const port = new URL(server.url).port;
    const err = await rejection(transport.request({ method: 'POST', url: `http://[::ffff:127.0.0.1]:${port}/`, body: 'x', signal: never() }));
    expect(err.code).toBe('EGRESS_REFUSED');
    expect(server.connections).toBe(0);
    expect(server.requests).toHaveLength(0);
  });

  it('reuses one keep-alive socket for consecutive requests', async () => {
    server = await startServer((_req, res) => res.end('ok'));
    transport = createHttpTransport({ guard: open });
    for (let i = 0; i < 2; i++) expect((await transport.request({ method: 'POST', url: server.url, body: 'x', signal: never() })).status).toBe(200);
    expect(server.requests).toHaveLength(2);
    expect(server.connections).toBe(1);
  });

  it('goes through HTTP_PROXY unless NO_PROXY names the host, and through an explicit proxy', async () => {
    server = await startServer((_req, res) => res.end('via'));
    proxy = await startProxy();
    const port = new URL(server.url).port;
    process.env.HTTP_PROXY = proxy.url;
    transport = createHttpTransport({ guard: open });
    expect((await transport.request({ method: 'GET', url: `${server.url}/a`, signal: never() })).body.toString()).toBe('via');
    expect(proxy.seen).toEqual([`GET http://127.0.0.1:${port}/a`]);
    process.env.NO_PROXY = '127.0.0.1';
    await transport.request({ method: 'GET', url: `${server.url}/b`, signal: never() });
    expect(proxy.seen).toHaveLength(1);
    expect(server.requests.map((r) => r.url)).toEqual(['/a', '/b']);
    await transport.close();
    transport = createHttpTransport({ guard: open, proxy: { url: proxy.url, noProxy: ['example.com'] } });
    await transport.request({ method: 'GET', url: `${server.url}/c`, signal: never() });
    expect(proxy.seen).toEqual([`GET http://127.0.0.1:${port}/a`, `GET http://127.0.0.1:${port}/c`]);
  });

  it('tunnels https through the proxy with CONNECT, keeping the custom CA', async () => {
    server = await startServer((_req, res) => res.end('secure via'), { cert: fixture('server.pem'), key: fixture('server-key.pem') });
    proxy = await startProxy();
    transport = createHttpTransport({ guard: open, proxy: { url: proxy.url }, tls: { ca: fixture('ca.pem') } });
    const res = await transport.request({ method: 'GET', url: `${server.url}/t`, signal: never() });
    expect(res.body.toString()).toBe('secure via');
    expect(proxy.seen).toEqual([`CONNECT 127.0.0.1:${new URL(server.url).port}`]);
  });

  it('trusts a custom CA and refuses the same server without it', async () => {
    server = await startServer((_req, res) => res.end('tls ok'), { cert: fixture('server.pem'), key: fixture('server-key.pem') });
    transport = createHttpTransport({ guard: open, proxy: false, tls: { ca: fixture('ca.pem') } });
    expect((await transport.request({ method: 'GET', url: server.url, signal: never() })).body.toString()).toBe('tls ok');
    await transport.close();
    transport = createHttpTransport({ guard: open, proxy: false });
    const err = await rejection(transport.request({ method: 'GET', url: server.url, signal: never() }));
    expect(err.code).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY|CERT/);
  });

  it('hands out the guarded agents for vendor SDKs', () => {
    transport = createHttpTransport({ guard: open });
    const agents = transport.nodeAgents();
    expect(agents.http).toBe(transport.nodeAgents().http);
    expect((agents.https as unknown as { options: { keepAlive: boolean } }).options.keepAlive).toBe(true);
  });
});
