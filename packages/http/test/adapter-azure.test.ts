// The Azure HttpClient adapter against a real server on 127.0.0.1: one transport request per sendRequest, the request's signal as deadline.
import { gzipSync } from 'node:zlib';
import { createEgressGuard, isTransportError, type HttpTransport } from '@outflow/core';
import { afterEach, describe, expect, it } from 'vitest';
import { azureHttpHeaders, createAzureHttpClient, createHttpTransport, type AzurePipelineRequest } from '../src/index.js';
import { startServer, type TestServer } from './servers.js';

const open = createEgressGuard({ allowHttp: true, allowPrivateNetworks: true });

let server: TestServer | undefined;
let transport: HttpTransport | undefined;
afterEach(async () => {
  await transport?.close();
  await server?.close();
  server = transport = undefined;
});

function request(url: string, extra: Partial<AzurePipelineRequest> = {}): AzurePipelineRequest {
  return {
    url,
    method: 'POST',
    headers: azureHttpHeaders({ 'Content-Type': 'application/json', 'aeg-sas-key': 'k' }),
    abortSignal: AbortSignal.timeout(5000),
    ...extra,
  };
}

function client(maxResponseBytes?: number) {
  transport = createHttpTransport({ guard: open, proxy: false, ...(maxResponseBytes ? { maxResponseBytes } : {}) });
  return createAzureHttpClient(transport);
}

describe('createAzureHttpClient', () => {
  it('sends method, URL, headers and body once and hands back status, headers and text', async () => {
    server = await startServer((_req, res) =>
      res.writeHead(400, { 'content-type': 'application/json', 'x-ms-request-id': 'r1' }).end('{"error":{"code":"BadRequest"}}'),
    );
    const res = await client().sendRequest(request(`${server.url}/api/events?api-version=2018-01-01`, { body: '[{"id":"1"}]' }));
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      url: '/api/events?api-version=2018-01-01',
      headers: { 'aeg-sas-key': 'k', 'content-type': 'application/json' },
    });
    expect(server.requests[0]?.body.toString()).toBe('[{"id":"1"}]');
    expect(res.status).toBe(400);
    expect(res.headers.get('X-MS-Request-Id')).toBe('r1');
    expect(res.bodyAsText).toBe('{"error":{"code":"BadRequest"}}');
  });

  it('takes bytes and streams as bodies, and drops content-encoding after the transport decoded the answer', async () => {
    server = await startServer((_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync('decoded')));
    const http = client();
    const bytes = await http.sendRequest(request(server.url, { body: new TextEncoder().encode('abc') }));
    const stream = await http.sendRequest(
      request(server.url, {
        body: () =>
          (async function* () {
            yield Buffer.from('de');
            yield Buffer.from('f');
          })(),
      }),
    );
    expect(server.requests.map((r) => r.body.toString())).toEqual(['abc', 'def']);
    expect(bytes.bodyAsText).toBe('decoded');
    expect(bytes.headers.has('content-encoding')).toBe(false);
    expect(stream.status).toBe(200);
    await expect(http.sendRequest(request(server.url, { body: new Blob(['x']) }))).rejects.toThrow(TypeError);
  });

  it('streams the answer for the statuses the request asks to stream', async () => {
    server = await startServer((_req, res) => res.writeHead(200).end('streamed'));
    const res = await client().sendRequest(request(server.url, { streamResponseStatusCodes: new Set([200]) }));
    const chunks: Buffer[] = [];
    for await (const c of res.readableStreamBody as AsyncIterable<Buffer>) chunks.push(Buffer.from(c));
    expect(Buffer.concat(chunks).toString()).toBe('streamed');
    expect(res.bodyAsText).toBeUndefined();
  });

  it("aborts with the request's signal, an AbortSignal or an AbortSignalLike, with the transport's error", async () => {
    server = await startServer(() => {});
    const http = client();
    const controller = new AbortController();
    const pending = http.sendRequest(request(server.url, { abortSignal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    const err = await pending.catch((e: unknown) => e);
    expect(isTransportError(err)).toBe(true);
    const listeners: Array<() => void> = [];
    const like = { aborted: false, addEventListener: (_t: 'abort', l: () => void) => void listeners.push(l), removeEventListener: () => {} };
    const second = http.sendRequest(request(server.url, { abortSignal: like }));
    setTimeout(() => listeners.forEach((l) => l()), 50);
    expect(isTransportError(await second.catch((e: unknown) => e))).toBe(true);
    const timed = await http.sendRequest(request(server.url, { abortSignal: undefined, timeout: 50 })).catch((e: unknown) => e);
    expect(isTransportError(timed)).toBe(true);
  });

  it('refuses a request without a deadline, and an answer over the cap', async () => {
    server = await startServer((_req, res) => res.writeHead(200).end('x'.repeat(5000)));
    const http = client(1000);
    await expect(http.sendRequest(request(server.url, { abortSignal: undefined }))).rejects.toThrow(/needs the attempt's AbortSignal/);
    const err = await http.sendRequest(request(server.url)).catch((e: unknown) => e);
    expect(isTransportError(err) && err.code).toBe('ERESPONSETOOLARGE');
  });

  it('keeps header names case-insensitive, with the casing last set for preserveCase', () => {
    const headers = azureHttpHeaders({ 'Content-Type': 'a', multi: ['x', 'y'] });
    headers.set('content-type', 'b');
    expect(headers.toJSON()).toEqual({ 'content-type': 'b', multi: 'x, y' });
    expect(headers.toJSON({ preserveCase: true })).toEqual({ 'content-type': 'b', multi: 'x, y' });
    headers.set('X-Custom', 1);
    expect([...headers]).toEqual([
      ['content-type', 'b'],
      ['multi', 'x, y'],
      ['x-custom', '1'],
    ]);
    headers.delete('X-CUSTOM');
    expect(headers.has('x-custom')).toBe(false);
  });
});
