// The AWS SDK adapter against a real server on 127.0.0.1: a real SDK client sends through the transport's pool, once, until its signal aborts.
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { HttpResponse } from '@smithy/core/transport';
import { createEgressGuard, isTransportError, type HttpTransport } from '@outflow/core';
import { afterEach, describe, expect, it } from 'vitest';
import { awsClientOptions, awsErrorKind, awsErrorResult, awsRequestHandler, createHttpTransport } from '../src/index.js';
import { eventually, startServer, type TestServer } from './servers.js';

const open = createEgressGuard({ allowHttp: true, allowPrivateNetworks: true });
const credentials = { accessKeyId: 'AKIDADAPTERTEST0001', secretAccessKey: 'adapter/secret/key/0123456789' };
const json = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  status,
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/x-amz-json-1.1', ...headers },
});
const ok = json(200, { FailedEntryCount: 0, Entries: [{ EventId: 'e-1' }] });
const entries = [{ Source: 'outflow.test', DetailType: 'Auth0 log', Detail: '{"log_id":"L1"}' }];

let server: TestServer | undefined;
let transport: HttpTransport | undefined;
let client: EventBridgeClient | undefined;
afterEach(async () => {
  client?.destroy();
  await transport?.close();
  await server?.close();
  server = transport = client = undefined;
});

/** A server answering each request with the next answer (the last one repeats); `stall` never answers. */
async function serve(...answers: Array<ReturnType<typeof json> | 'stall'>) {
  let n = 0;
  server = await startServer((_req, res) => {
    const answer = answers[Math.min(n++, answers.length - 1)];
    if (answer === 'stall' || answer === undefined) return;
    res.writeHead(answer.status, answer.headers).end(answer.body);
  });
  return server;
}

function eventbridge(url: string, guard = open): EventBridgeClient {
  transport = createHttpTransport({ guard });
  client = new EventBridgeClient({ region: 'us-east-1', endpoint: url, credentials, ...awsClientOptions(transport) });
  return client;
}

describe('awsRequestHandler with a real SDK client', () => {
  it('sends the signed request through the pool and hands the answer to the SDK', async () => {
    const srv = await serve(ok);
    const out = await eventbridge(srv.url).send(new PutEventsCommand({ Entries: entries }), { abortSignal: AbortSignal.timeout(5000) });
    expect(out).toMatchObject({ FailedEntryCount: 0, Entries: [{ EventId: 'e-1' }], $metadata: { httpStatusCode: 200, attempts: 1 } });
    const [req] = srv.requests;
    expect(req).toMatchObject({ method: 'POST', url: '/', headers: { 'x-amz-target': 'AWSEvents.PutEvents', host: new URL(srv.url).host } });
    expect(req?.headers.authorization).toMatch(
      new RegExp(
        `^AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/\\d{8}/us-east-1/events/aws4_request, SignedHeaders=.*host.*, Signature=[0-9a-f]{64}$`,
      ),
    );
    expect(JSON.parse(req?.body.toString() ?? '')).toEqual({ Entries: entries });
  });

  it('keeps the connection alive between calls (one socket for three calls)', async () => {
    const srv = await serve(ok);
    const eb = eventbridge(srv.url);
    for (let i = 0; i < 3; i++) await eb.send(new PutEventsCommand({ Entries: entries }), { abortSignal: AbortSignal.timeout(5000) });
    expect(srv.requests).toHaveLength(3);
    expect(srv.connections).toBe(1);
  });

  it('makes one attempt: a 500 and a throttle are not retried by the SDK', async () => {
    const srv = await serve(json(500, { __type: 'InternalException', message: 'boom' }), json(400, { __type: 'ThrottlingException', message: 'slow down' }));
    const eb = eventbridge(srv.url);
    const first = await eb.send(new PutEventsCommand({ Entries: entries })).catch((e: unknown) => e);
    expect(first).toMatchObject({ name: 'InternalException', $metadata: { httpStatusCode: 500, attempts: 1 } });
    expect(srv.requests).toHaveLength(1);
    const second = await eb.send(new PutEventsCommand({ Entries: entries })).catch((e: unknown) => e);
    expect(second).toMatchObject({ name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } });
    expect(srv.requests).toHaveLength(2);
  });

  it('ends a stalled call when the abortSignal fires, and its request with it', async () => {
    const srv = await serve('stall');
    const controller = new AbortController();
    const pending = eventbridge(srv.url)
      .send(new PutEventsCommand({ Entries: entries }), { abortSignal: controller.signal })
      .catch((e: unknown) => e);
    await eventually(() => srv.requests.length === 1);
    const started = Date.now();
    controller.abort();
    const err = await pending;
    // The SDK's own race answers first (AbortError); the transport drops the request's socket as well.
    expect(err).toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(1000);
    await eventually(() => srv.open === 0);
  });

  it('goes through the egress guard: a refused address never gets a request', async () => {
    const srv = await serve(ok);
    const err = await eventbridge(srv.url, createEgressGuard({ allowHttp: true, allowPrivateNetworks: false }))
      .send(new PutEventsCommand({ Entries: entries }))
      .catch((e: unknown) => e);
    expect(isTransportError(err) && err.code).toBe('EGRESS_REFUSED');
    expect(srv.requests).toHaveLength(0);
  });
});

describe('awsRequestHandler.handle', () => {
  const request = (url: string, extra: Partial<Parameters<ReturnType<typeof awsRequestHandler>['handle']>[0]> = {}) => {
    const u = new URL(url);
    return {
      method: 'POST',
      protocol: u.protocol,
      hostname: u.hostname,
      port: Number(u.port),
      path: '/a%20b/c',
      query: {},
      headers: { 'x-test': '1' },
      ...extra,
    };
  };

  it('answers a plain object smithy accepts as an HttpResponse, headers lower-cased, body as bytes', async () => {
    const srv = await serve(json(202, { ok: true }, { 'X-Amzn-RequestId': 'r-1' }));
    transport = createHttpTransport({ guard: open });
    const { response } = await awsRequestHandler(transport).handle(request(srv.url, { body: new TextEncoder().encode('bytes') }), {
      abortSignal: AbortSignal.timeout(5000),
    });
    expect(HttpResponse.isInstance(response)).toBe(true);
    expect(response.statusCode).toBe(202);
    expect(response.headers['x-amzn-requestid']).toBe('r-1');
    expect(response.body).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(response.body).toString()).toBe('{"ok":true}');
    expect(srv.requests[0]?.body.toString()).toBe('bytes');
  });

  it('builds the query string and sends a streamed body', async () => {
    const srv = await serve(ok);
    transport = createHttpTransport({ guard: open });
    async function* chunks() {
      yield 'one,';
      yield Buffer.from('two');
    }
    await awsRequestHandler(transport).handle(request(srv.url, { query: { b: ['1', '2'], a: "it's (x)*", flag: null, skip: undefined }, body: chunks() }), {
      abortSignal: AbortSignal.timeout(5000),
    });
    expect(srv.requests[0]?.url).toBe('/a%20b/c?b=1&b=2&a=it%27s%20%28x%29%2A&flag');
    expect(srv.requests[0]?.body.toString()).toBe('one,two');
  });

  it("follows smithy's older {aborted, onabort} signal", async () => {
    const srv = await serve('stall');
    transport = createHttpTransport({ guard: open });
    const legacy: { aborted: boolean; onabort?: () => void } = { aborted: false };
    const pending = awsRequestHandler(transport)
      .handle(request(srv.url), { abortSignal: legacy })
      .catch((e: unknown) => e);
    await eventually(() => srv.requests.length === 1);
    legacy.aborted = true;
    legacy.onabort?.();
    expect(await pending).toMatchObject({ code: 'ABORTED' });
  });

  it('fails an answer above the response cap instead of handing the SDK a cut body', async () => {
    const srv = await serve(json(200, { big: 'x'.repeat(4096) }));
    transport = createHttpTransport({ guard: open, maxResponseBytes: 1024 });
    const err = await awsRequestHandler(transport)
      .handle(request(srv.url), { abortSignal: AbortSignal.timeout(5000) })
      .catch((e: unknown) => e);
    expect(isTransportError(err) && err.code).toBe('ERESPONSETOOLARGE');
  });

  it('leaves the transport open when the client is destroyed', async () => {
    const srv = await serve(ok);
    const eb = eventbridge(srv.url);
    eb.destroy();
    const res = await (transport as HttpTransport).request({ method: 'GET', url: srv.url, signal: AbortSignal.timeout(5000) });
    expect(res.status).toBe(200);
  });
});

describe('awsErrorResult', () => {
  const options = {
    service: 'EventBridge',
    secrets: ['s3cr3t-value'],
    kinds: { NotAuthorizedForSourceException: 'auth', ThrottlingException: 'invalid' } as const,
  };
  const sdkError = (name: string, status: number | undefined, message = 'no', headers: Record<string, string> = {}) =>
    Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status }, $response: { headers } });

  it('reads AWS error names before the status, the service table before the common names', () => {
    expect(awsErrorKind('UnrecognizedClientException')).toBe('auth');
    expect(awsErrorKind('NotAuthorizedForSourceException', options.kinds)).toBe('auth');
    expect(awsErrorKind('ThrottlingException', options.kinds)).toBe('invalid');
    expect(awsErrorKind('toString')).toBeUndefined();
    expect(awsErrorResult(sdkError('UnrecognizedClientException', 400), options)).toMatchObject({
      status: 'permanent',
      error: { kind: 'auth', details: { status: 400, vendorCode: 'UnrecognizedClientException' } },
    });
    expect(awsErrorResult(sdkError('ResourceNotFoundException', 400), options)).toMatchObject({ status: 'permanent', error: { kind: 'config' } });
    expect(awsErrorResult(sdkError('RequestLimitExceeded', 429, 'slow', { 'retry-after': '7' }), options)).toMatchObject({
      status: 'retryable',
      retryAfterMs: 7000,
      error: { kind: 'throttled' },
    });
  });

  it('falls back to the HTTP status for unknown names, keeping the name', () => {
    expect(awsErrorResult(sdkError('SomethingNew', 503), options)).toMatchObject({
      status: 'retryable',
      error: { kind: 'transient', details: { status: 503, vendorCode: 'SomethingNew' } },
    });
    expect(awsErrorResult(sdkError('SomethingNew', 400), options)).toMatchObject({
      status: 'permanent',
      error: { kind: 'invalid', details: { vendorCode: 'SomethingNew' } },
    });
  });

  it('reads transport errors, aborts and unknown failures as network trouble, egress refusals as config', async () => {
    const transport = createHttpTransport({ guard: createEgressGuard({ allowHttp: true, allowPrivateNetworks: false }) });
    const refused = await transport.request({ method: 'GET', url: 'http://127.0.0.1:9/', signal: AbortSignal.timeout(5000) }).catch((e: unknown) => e);
    await transport.close();
    expect(awsErrorResult(refused, options)).toMatchObject({ status: 'permanent', error: { kind: 'config', details: { vendorCode: 'EGRESS_REFUSED' } } });
    expect(awsErrorResult(sdkError('AbortError', undefined, 'Request aborted'), options)).toMatchObject({
      status: 'retryable',
      error: { kind: 'transient', details: { vendorCode: 'ABORTED' } },
    });
    expect(awsErrorResult(new Error('socket hang up'), options)).toMatchObject({ status: 'retryable', error: { kind: 'transient' } });
  });

  it('redacts secrets from the quoted AWS message', () => {
    const result = awsErrorResult(sdkError('AccessDeniedException', 400, 'key s3cr3t-value is not allowed'), options);
    expect(result.error.message).toBe('EventBridge refused the credentials or permissions (AccessDeniedException): key [REDACTED] is not allowed.');
  });
});
