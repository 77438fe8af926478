// defineHttpConnector against a real server: send, several requests, guards, preview, healthcheck, egress, close.
import { batchFromEnvelopes, createEgressGuard, secretHeaderValue, type ConnectorContext, type HttpTransport, type LogBatch, type Logger } from '@outflow/core';
import { createManualClock, type ManualClock } from '@outflow/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHttpTransport, defineHttpConnector } from '../src/index.js';
import { eventually, startServer, type TestServer } from './servers.js';

const KEY = 'key-0123456789-secret';
const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, child: () => quiet };
const never = () => new AbortController().signal;

const sample = defineHttpConnector({
  type: 'sample',
  displayName: 'Sample',
  configSchema: z.strictObject({ url: z.url(), apiKey: secretHeaderValue('Key.'), perEvent: z.boolean().default(false) }),
  limits: { maxEvents: 100, maxBytes: 1024 * 1024, maxEventBytes: 64 * 1024 },
  endpoints: (c) => ({ url: c.url }),
  encode: (batch, c) => {
    const headers = { 'X-Api-Key': c.apiKey.reveal(), 'X-Sig': 'sig-value' };
    if (!c.perEvent) return { method: 'POST', url: c.url, headers, body: batch.jsonLines(), compress: 'gzip' };
    return Array.from({ length: batch.length }, (_, i) => ({ method: 'POST', url: `${c.url}/${i}`, headers, body: batch.raw(i), indices: [i] }));
  },
  classify: { 409: 'throttled' },
  probe: (c) => ({ method: 'HEAD', url: c.url, headers: { 'X-Api-Key': c.apiKey.reveal() } }),
  maskedHeaders: ['x-sig'],
});

function batch(n: number): LogBatch {
  return batchFromEnvelopes(
    Array.from({ length: n }, (_, i) => {
      const log_id = `900202601010000000000000000000000000000000000000000${String(i).padStart(4, '0')}`;
      return { log_id, data: { log_id, date: '2026-01-01T00:00:00.000Z', type: 's' } };
    }),
  );
}

let server: TestServer | undefined;
let clock: ManualClock;
const made: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const c of made.splice(0)) await c.close();
  await server?.close();
  server = undefined;
});

function context(extra: Partial<ConnectorContext> = {}): ConnectorContext {
  clock = createManualClock();
  return { streamId: 'ls_1', tenant: 't', logger: quiet, clock, egress: createEgressGuard({ allowHttp: true, allowPrivateNetworks: true }), ...extra };
}

function connect(input: Record<string, unknown>, ctx = context()) {
  const conn = sample.create(ctx, sample.configSchema.parse({ url: server!.url, apiKey: KEY, ...input }));
  made.push(conn);
  return conn;
}

describe('defineHttpConnector', () => {
  it('sends one gzip request per batch and classifies the answer, vendor table first', async () => {
    const statuses = [200, 409, 401];
    server = await startServer((_req, res) => res.writeHead(statuses.shift() ?? 500).end(`no ${KEY}`));
    const conn = connect({});
    expect(await conn.send(batch(3), never())).toEqual({ status: 'success' });
    expect(server.requests[0]!.headers).toMatchObject({ 'content-encoding': 'gzip', 'x-api-key': KEY });
    expect(await conn.send(batch(1), never())).toMatchObject({ status: 'retryable', error: { kind: 'throttled' } });
    const auth = await conn.send(batch(1), never());
    expect(auth).toMatchObject({ status: 'permanent', error: { kind: 'auth', details: { responseBody: 'no [REDACTED]' } } });
    expect(await conn.send(batch(0), never())).toEqual({ status: 'success' });
    expect(server.requests).toHaveLength(3);
  });

  it('combines per-event requests into a partial result naming the failed indices', async () => {
    server = await startServer((req, res) => res.writeHead(req.url === '/1' ? 400 : 200).end());
    const result = await connect({ perEvent: true }).send(batch(3), never());
    expect(result).toMatchObject({ status: 'partial', failed: [{ index: 1, retryable: false, status: 400 }] });
    expect(server.requests.map((r) => r.url).sort()).toEqual(['/0', '/1', '/2']);
  });

  it('previews the requests with secret and listed header values masked', async () => {
    server = await startServer((_req, res) => res.end());
    const preview = connect({}).preview!(batch(2));
    expect(preview.requests).toHaveLength(1);
    expect(preview.requests[0]).toMatchObject({
      method: 'POST',
      url: server.url,
      headers: { 'X-Api-Key': '[REDACTED]', 'X-Sig': '[REDACTED]', 'Content-Encoding': 'gzip' },
    });
    expect(preview.requests[0]!.body).toBe(batch(2).jsonLines().toString());
    expect(JSON.stringify(preview)).not.toContain(KEY);
    expect(server.requests).toHaveLength(0);
  });

  it('wires the probe into healthcheck', async () => {
    const statuses = [204, 403, 404];
    server = await startServer((_req, res) => res.writeHead(statuses.shift() ?? 500).end());
    const conn = connect({});
    expect(await conn.healthcheck(never())).toMatchObject({ ok: true });
    expect(await conn.healthcheck(never())).toMatchObject({ ok: false, error: { kind: 'auth' } });
    expect(await conn.healthcheck(never())).toMatchObject({ ok: true });
    expect(server.requests.map((r) => r.method)).toEqual(['HEAD', 'HEAD', 'HEAD']);
  });

  it('refuses a destination the egress policy forbids at create, naming the field', async () => {
    server = await startServer((_req, res) => res.end());
    const strict = context({ egress: createEgressGuard({ allowHttp: true, allowPrivateNetworks: false }) });
    expect(() => connect({}, strict)).toThrow(/url: .*loopback/s);
  });

  it('shares one pool per egress guard and closes its sockets with the last connector', async () => {
    server = await startServer((_req, res) => res.end());
    const ctx = context();
    const a = connect({}, ctx);
    const b = connect({}, ctx);
    await a.send(batch(1), never());
    await b.send(batch(1), never());
    expect(server.connections).toBe(1);
    await a.close();
    expect(server.open).toBe(1);
    await b.close();
    await eventually(() => server!.open === 0);
  });

  it('uses the runner transport from ctx.http when given', async () => {
    server = await startServer((_req, res) => res.end());
    const runner = createHttpTransport({ guard: createEgressGuard({ allowHttp: true, allowPrivateNetworks: true }) });
    let used = 0;
    const counting: HttpTransport = { ...runner, request: (req) => (used++, runner.request(req)) };
    await connect({}, context({ http: counting })).send(batch(1), never());
    expect(used).toBe(1);
    await runner.close();
  });

  it('close waits for a send in flight, refuses later sends, and aborts sends past the bound', async () => {
    const held: Array<() => void> = [];
    server = await startServer((_req, res) => held.push(() => res.end()));
    const conn = connect({});
    const first = conn.send(batch(1), never());
    await eventually(() => held.length === 1);
    let closed = false;
    const closing = conn.close().then(() => (closed = true));
    expect(await conn.send(batch(1), never())).toMatchObject({ status: 'permanent', error: { kind: 'config' } });
    expect(closed).toBe(false);
    held[0]!();
    expect(await first).toEqual({ status: 'success' });
    await closing;

    const other = connect({});
    const stuck = other.send(batch(1), never());
    await eventually(() => held.length === 2);
    const closingOther = other.close();
    await clock.advance(10_000);
    expect(await stuck).toMatchObject({ status: 'retryable', error: { details: { vendorCode: 'ABORTED' } } });
    await closingOther;
  });
});
