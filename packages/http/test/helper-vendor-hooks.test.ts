// defineHttpConnector's vendor hooks against a real server: events refused by encode, the probe's vendor reading, secret URLs in previews.
import { batchFromEnvelopes, createEgressGuard, DeliveryError, secret, type ConnectorContext, type LogBatch, type Logger } from '@outflow/core';
import { createManualClock } from '@outflow/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineHttpConnector } from '../src/index.js';
import { startServer, type TestServer } from './servers.js';

const PATH_SECRET = 'hookSecretPart0123';
const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, child: () => quiet };
const never = () => new AbortController().signal;
const tooLarge = new DeliveryError('invalid', 'The event is too large.', { tooLarge: true });

/** Refuses events of type `big` without sending them; the probe's 2xx names the account from the body. */
const hooked = defineHttpConnector({
  type: 'hooked',
  displayName: 'Hooked',
  configSchema: z.strictObject({ url: secret('The URL; it is the credential.') }),
  limits: { maxEvents: 100, maxBytes: 1024 * 1024, maxEventBytes: 64 * 1024 },
  endpoints: (c) => ({ url: c.url.reveal() }),
  encode: (batch, c) => {
    const indices = batch.types.flatMap((t, i) => (t === 'big' ? [] : [i]));
    const refused = batch.types.flatMap((t, i) => (t === 'big' ? [i] : []));
    const requests = indices.length ? [{ method: 'POST', url: c.url.reveal(), body: indices.map((i) => batch.raw(i).toString()).join('\n'), indices }] : [];
    return { requests, refused: { indices: refused, error: tooLarge } };
  },
  probe: (c) => ({ method: 'GET', url: c.url.reveal() }),
  health: (res, result) =>
    result.status === 'success'
      ? { ok: true, message: `Account ${res.body.toString()} is ready.` }
      : res.status === 404
        ? { ok: false, error: new DeliveryError('auth', 'The URL was revoked.') }
        : undefined,
  secrets: (c) => [new URL(c.url.reveal()).pathname.slice(1)],
});

function batch(types: string[]): LogBatch {
  return batchFromEnvelopes(
    types.map((type, i) => {
      const log_id = `900202601010000000000000000000000000000000000000000${String(i).padStart(4, '0')}`;
      return { log_id, data: { log_id, date: '2026-01-01T00:00:00.000Z', type } };
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

function connect(): ReturnType<typeof hooked.create> {
  const ctx: ConnectorContext = {
    streamId: 'ls_1',
    tenant: 't',
    logger: quiet,
    clock: createManualClock(),
    egress: createEgressGuard({ allowHttp: true, allowPrivateNetworks: true }),
  };
  const conn = hooked.create(ctx, hooked.configSchema.parse({ url: `${server!.url}/services/T1/${PATH_SECRET}` }));
  made.push(conn);
  return conn;
}

describe('defineHttpConnector hooks', () => {
  it('reports events refused by encode as permanent failures by index and sends the rest', async () => {
    server = await startServer((_req, res) => res.end());
    const result = await connect().send(batch(['s', 'big', 's', 'big']), never());
    expect(result).toEqual({
      status: 'partial',
      failed: [1, 3].map((index) => ({ index, retryable: false, reason: 'The event is too large.', status: undefined })),
    });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.body.toString().split('\n')).toHaveLength(2);
  });

  it('sends nothing and fails the batch with the refusal when every event is refused', async () => {
    server = await startServer((_req, res) => res.end());
    expect(await connect().send(batch(['big', 'big']), never())).toEqual({ status: 'permanent', error: tooLarge });
    expect(server.requests).toHaveLength(0);
  });

  it("keeps refused events apart from a failed request: the request's events stay retryable", async () => {
    server = await startServer((_req, res) => res.writeHead(503).end());
    const result = await connect().send(batch(['s', 'big']), never());
    expect(result).toMatchObject({
      status: 'partial',
      failed: [
        { index: 0, retryable: true, status: 503 },
        { index: 1, retryable: false },
      ],
    });
  });

  it('lets the vendor read the probe answer, else falls back to the default reading', async () => {
    const answers: Array<[number, string]> = [
      [200, 'acme'],
      [404, ''],
      [401, ''],
    ];
    server = await startServer((_req, res) => {
      const [status, body] = answers.shift() ?? [500, ''];
      res.writeHead(status).end(body);
    });
    const conn = connect();
    expect(await conn.healthcheck(never())).toEqual({ ok: true, message: 'Account acme is ready.' });
    expect(await conn.healthcheck(never())).toMatchObject({ ok: false, error: { kind: 'auth', message: 'The URL was revoked.' } });
    expect(await conn.healthcheck(never())).toMatchObject({ ok: false, error: { kind: 'auth', details: { status: 401 } } });
  });

  it('previews a secret URL with its origin kept and the secret part redacted', async () => {
    server = await startServer((_req, res) => res.end());
    const preview = connect().preview!(batch(['s']));
    expect(preview.requests[0]!.url).toBe(`${server.url}/[REDACTED]`);
    expect(JSON.stringify(preview)).not.toContain(PATH_SECRET);
  });
});
