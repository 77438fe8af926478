// defineHttpConnector's optional hooks: tls (a transport of its own), classifyError, confirm (a follow-up), several probes, classify's context.
import {
  batchFromEnvelopes,
  createEgressGuard,
  DeliveryError,
  secretHeaderValue,
  type ConnectorContext,
  type HttpResponse,
  type LogBatch,
  type Logger,
} from '@outflow/core';
import { createManualClock } from '@outflow/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineHttpConnector } from '../src/index.js';
import { eventually, fixture, startServer, type TestServer } from './servers.js';

const KEY = 'key-0123456789-secret';
const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, child: () => quiet };
const never = () => new AbortController().signal;
const seenSecrets: Array<readonly string[]> = [];

const hooked = defineHttpConnector({
  type: 'hooked',
  displayName: 'Hooked',
  configSchema: z.strictObject({ url: z.url(), apiKey: secretHeaderValue('Key.'), trustCa: z.boolean().default(false), twoProbes: z.boolean().default(false) }),
  limits: { maxEvents: 100, maxBytes: 1024 * 1024, maxEventBytes: 64 * 1024 },
  endpoints: (c) => ({ url: c.url }),
  encode: (batch, c) => ({ method: 'POST', url: `${c.url}/in`, headers: { 'X-Api-Key': c.apiKey.reveal() }, body: batch.jsonLines() }),
  classify: (res, _text, _events, context) => {
    seenSecrets.push(context.secrets);
    return res.status === 404 ? { status: 'permanent', error: new DeliveryError('config', 'No such endpoint.', { status: 404 }) } : undefined;
  },
  classifyError: (err) =>
    /CERT|SIGNATURE|ISSUER/.test(err.code)
      ? { status: 'permanent', error: new DeliveryError('config', `Certificate refused (${err.code}).`, { vendorCode: err.code }) }
      : undefined,
  tls: (c) => (c.trustCa ? { ca: fixture('ca.pem') } : undefined),
  // The answer names a ticket; the follow-up polls GET /ticket/<n> until it says done.
  confirm: async (response: HttpResponse, follow) => {
    const ticket = response.body.toString();
    if (!ticket) return { status: 'success' };
    while (!follow.signal.aborted) {
      const { outcome, result } = await follow.exchange({ method: 'GET', url: `${follow.config.url}/ticket/${ticket}` });
      if (result.status !== 'success') return result;
      if ((outcome as HttpResponse).body.toString() === 'done') return { status: 'success' };
    }
    return { status: 'retryable', error: new DeliveryError('transient', 'Not confirmed before the deadline.') };
  },
  probe: (c) => [
    { method: 'GET', url: `${c.url}/health` },
    ...(c.twoProbes ? [{ method: 'GET', url: `${c.url}/auth`, headers: { 'X-Api-Key': c.apiKey.reveal() } }] : []),
  ],
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
const made: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const c of made.splice(0)) await c.close();
  await server?.close();
  server = undefined;
});

const context = (): ConnectorContext => ({
  streamId: 'ls_1',
  tenant: 't',
  logger: quiet,
  clock: createManualClock(),
  egress: createEgressGuard({ allowHttp: true, allowPrivateNetworks: true }),
});

function connect(input: Record<string, unknown>, ctx = context()) {
  const conn = hooked.create(ctx, hooked.configSchema.parse({ url: server!.url, apiKey: KEY, ...input }));
  made.push(conn);
  return conn;
}

describe('defineHttpConnector hooks', () => {
  it('tls: a transport of its own with the TLS options, closed with the connector; classifyError reads certificate errors', async () => {
    server = await startServer((_req, res) => res.end(), { cert: fixture('server.pem'), key: fixture('server-key.pem') });
    const refused = await connect({}).send(batch(1), never());
    expect(refused).toMatchObject({ status: 'permanent', error: { kind: 'config', message: expect.stringMatching(/^Certificate refused/) } });
    const trusting = connect({ trustCa: true });
    expect(await trusting.send(batch(1), never())).toEqual({ status: 'success' });
    expect(server.open).toBe(1);
    await trusting.close();
    await eventually(() => server!.open === 0);
  });

  it('classify gets the secrets to redact', async () => {
    server = await startServer((_req, res) => res.writeHead(400).end());
    seenSecrets.length = 0;
    await connect({}).send(batch(1), never());
    expect(seenSecrets).toEqual([expect.arrayContaining([KEY])]);
  });

  it('confirm: a success is replaced by the follow-up, whose requests are classified and whose failures end it', async () => {
    let polls = 0;
    let refuse = false;
    server = await startServer((req, res) => {
      if (req.url === '/in') res.end('7');
      else if (refuse) res.writeHead(401).end();
      else res.end(++polls < 3 ? 'pending' : 'done');
    });
    const conn = connect({});
    expect(await conn.send(batch(2), never())).toEqual({ status: 'success' });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /in', 'GET /ticket/7', 'GET /ticket/7', 'GET /ticket/7']);
    refuse = true;
    expect(await conn.send(batch(1), never())).toMatchObject({ status: 'permanent', error: { kind: 'auth' } });
  });

  it("confirm: the follow-up's signal is the attempt's", async () => {
    server = await startServer((req, res) => res.end(req.url === '/in' ? '1' : 'pending'));
    const started = Date.now();
    expect(await connect({}).send(batch(1), AbortSignal.timeout(300))).toMatchObject({ status: 'retryable' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('several probes run in order and stop at the first unhealthy one', async () => {
    let healthy = true;
    server = await startServer((req, res) =>
      res.writeHead(req.url === '/health' && !healthy ? 503 : req.headers['x-api-key'] === KEY || req.url === '/health' ? 200 : 403).end(),
    );
    const conn = connect({ twoProbes: true });
    expect(await conn.healthcheck(never())).toMatchObject({ ok: true });
    healthy = false;
    expect(await conn.healthcheck(never())).toMatchObject({ ok: false, error: { kind: 'transient', details: { status: 503 } } });
    expect(server.requests.map((r) => r.url)).toEqual(['/health', '/auth', '/health']);
  });

  it('a 404 the vendor reads as config makes the probe unhealthy (the generic rule counts 404 as reachable)', async () => {
    server = await startServer((_req, res) => res.writeHead(404).end());
    expect(await connect({}).healthcheck(never())).toMatchObject({ ok: false, error: { kind: 'config', details: { status: 404 } } });
  });
});
