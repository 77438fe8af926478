// The Datadog SDK over the shared transport: one request per call, gzip, headers kept, the signal as deadline, errors branded.
import { gunzipSync } from 'node:zlib';
import { client, v2 } from '@datadog/datadog-api-client';
import { createEgressGuard, isTransportError, type HttpResponse, type HttpTransport } from '@outflow/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatadogHttpLibrary, createHttpTransport } from '../src/index.js';
import { startServer, type TestServer } from './servers.js';

const KEY = 'dd-key-0123456789abcdef';
let server: TestServer | undefined;
let transport: HttpTransport | undefined;
afterEach(async () => {
  await transport?.close();
  await server?.close();
  server = transport = undefined;
});

function logsApi(signal: AbortSignal | undefined, onResponse?: (r: HttpResponse) => void, retry = false) {
  transport = createHttpTransport({ guard: createEgressGuard({ allowHttp: true, allowPrivateNetworks: true }), proxy: false });
  // Typed as the SDK's own interface: the structural adapter must fit it.
  const httpApi: client.HttpLibrary = createDatadogHttpLibrary({
    transport,
    ResponseContext: client.ResponseContext,
    signal,
    userAgent: 'outflow/9.9.9',
    onResponse,
  });
  const configuration = client.createConfiguration({
    baseServer: new client.BaseServerConfiguration(server!.url, {}),
    authMethods: { apiKeyAuth: KEY },
    httpApi,
    // Even with the SDK's retries on, the library makes one request per call.
    enableRetry: retry,
    maxRetries: 3,
  });
  return new v2.LogsApi(configuration);
}

const item = { ddsource: 'auth0', message: 'hello', service: 'auth0', additionalProperties: { log_id: 'a1' } };

describe('createDatadogHttpLibrary', () => {
  it('submits logs through the transport: gzip body, the key, the User-Agent prefix', async () => {
    server = await startServer((_req, res) => res.writeHead(202, { 'content-type': 'application/json' }).end('{}'));
    await logsApi(AbortSignal.timeout(5000)).submitLog({ body: [item], contentEncoding: 'gzip' });
    expect(server.requests).toHaveLength(1);
    const req = server.requests[0]!;
    expect(req).toMatchObject({ method: 'POST', url: '/api/v2/logs' });
    expect(req.headers).toMatchObject({ 'dd-api-key': KEY, 'content-encoding': 'gzip', 'content-type': 'application/json' });
    expect(req.headers['user-agent']).toMatch(/^outflow\/9\.9\.9 datadog-api-client-typescript\//);
    expect(JSON.parse(gunzipSync(req.body).toString('utf8'))).toEqual([{ ddsource: 'auth0', message: 'hello', service: 'auth0', log_id: 'a1' }]);
  });

  it('makes one request for a 503 even with the SDK retries on, and hands over the headers the SDK drops', async () => {
    server = await startServer((_req, res) => res.writeHead(503, { 'retry-after': '7' }).end('{"errors":["busy"]}'));
    const seen: HttpResponse[] = [];
    const call = logsApi(AbortSignal.timeout(5000), (r) => seen.push(r), true).submitLog({ body: [item] });
    await expect(call).rejects.toMatchObject({ code: 503 });
    expect(server.requests).toHaveLength(1);
    expect(seen.map((r) => [r.status, r.headers['retry-after']])).toEqual([[503, '7']]);
  });

  it('ends a stalled request when the signal aborts, with a branded transport error', async () => {
    server = await startServer(() => {});
    const started = Date.now();
    const err: unknown = await logsApi(AbortSignal.timeout(200))
      .submitLog({ body: [item] })
      .catch((e: unknown) => e);
    expect(isTransportError(err) && err.code).toBe('ETIMEDOUT');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses to send without a signal, and refuses encodings it cannot produce', async () => {
    server = await startServer((_req, res) => res.writeHead(202).end('{}'));
    await expect(logsApi(undefined).submitLog({ body: [item] })).rejects.toThrow(/AbortSignal/);
    await expect(logsApi(AbortSignal.timeout(5000)).submitLog({ body: [item], contentEncoding: 'deflate' })).rejects.toThrow(/deflate is not supported/);
    expect(server.requests).toHaveLength(0);
  });
});
