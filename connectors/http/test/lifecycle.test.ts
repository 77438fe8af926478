// Healthcheck, preview, close, egress policy and secret hygiene.
import { inspect } from 'node:util';
import { ConfigError, createEgressGuard, type Connector, type ConnectorContext } from '@outflow/core';
import { eventually } from '@outflow/connector-testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpConnector } from '../src/index.js';
import { connect, makeBatch, makeContext, never, parseConfig } from './fixtures.js';
import { deadUrl, startReceiver, type Receiver } from './receiver.js';

const AUTH = 'Bearer s3cr3t-TOKEN-value-1234';
const SIGNING = 'whsec_' + Buffer.from('signing-key-material-5678').toString('base64');

let rx: Receiver;
let conn: Connector | undefined;
beforeEach(async () => {
  rx = await startReceiver();
});
afterEach(async () => {
  await conn?.close();
  conn = undefined;
  await rx.close();
});

describe('healthcheck', () => {
  it.each([200, 204, 404, 405])('is ok on HTTP %i to a HEAD, sending no events', async (status) => {
    conn = connect({ httpEndpoint: rx.url, httpAuthorization: AUTH, httpCustomHeaders: [{ header: 'X-Source', value: 'auth0' }] });
    rx.script({ status });
    expect(await conn.healthcheck(never())).toMatchObject({ ok: true });
    expect(rx.requests).toHaveLength(1);
    expect(rx.requests[0]).toMatchObject({ method: 'HEAD', url: '/hook' });
    expect(rx.requests[0]!.headers.authorization).toBe(AUTH);
    expect(rx.requests[0]!.headers['x-source']).toBe('auth0');
    expect(rx.requests[0]!.raw.length).toBe(0);
  });

  it.each([401, 403])('fails with an auth error on HTTP %i', async (status) => {
    conn = connect({ httpEndpoint: rx.url, httpAuthorization: AUTH });
    rx.script({ status });
    const health = await conn.healthcheck(never());
    expect(health.ok).toBe(false);
    if (!health.ok) expect(health.error.kind).toBe('auth');
    expect(rx.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('fails on 503 and on a network error', async () => {
    conn = connect({ httpEndpoint: rx.url });
    rx.script({ status: 503 });
    expect((await conn.healthcheck(never())).ok).toBe(false);
    await conn.close();
    conn = connect({ httpEndpoint: await deadUrl() });
    const health = await conn.healthcheck(never());
    expect(health.ok).toBe(false);
    if (!health.ok) expect(health.error.details.vendorCode).toBe('ECONNREFUSED');
  });
});

describe('preview', () => {
  it('shows the exact requests with secrets masked', () => {
    conn = connect({
      httpEndpoint: rx.url,
      httpAuthorization: AUTH,
      httpSigningSecret: SIGNING,
      httpCompression: 'gzip',
      httpCustomHeaders: [{ header: 'X-Source', value: 'auth0' }],
    });
    const batch = makeBatch(2);
    const preview = conn.preview!(batch);
    expect(preview.requests).toHaveLength(1);
    const req = preview.requests[0]!;
    expect(req).toMatchObject({ method: 'POST', url: rx.url, body: batch.jsonLines().toString('utf8') });
    expect(req.headers).toMatchObject({
      'Content-Type': 'application/x-ndjson',
      'Content-Encoding': 'gzip',
      Authorization: '[REDACTED]',
      'webhook-signature': '[REDACTED]',
      'X-Source': 'auth0',
      'X-Outflow-Event-Count': '2',
    });
    expect(req.headers['webhook-id']).toMatch(/^msg_/);
    const text = JSON.stringify(preview);
    expect(text).not.toContain('s3cr3t-TOKEN');
    expect(text).not.toContain(SIGNING.slice(6));
    expect(rx.requests).toHaveLength(0);
  });

  it('has one request per event for JSONOBJECT and none for an empty batch', () => {
    conn = connect({ httpEndpoint: rx.url, httpContentFormat: 'JSONOBJECT' });
    const batch = makeBatch(3);
    expect(conn.preview!(batch).requests.map((r) => r.body)).toEqual([0, 1, 2].map((i) => batch.raw(i).toString()));
    expect(conn.preview!(makeBatch(0)).requests).toEqual([]);
  });
});

describe('close', () => {
  it('is safe twice and later sends are permanent config errors', async () => {
    conn = connect({ httpEndpoint: rx.url });
    expect((await conn.send(makeBatch(1), never())).status).toBe('success');
    await conn.close();
    await conn.close();
    const result = await conn.send(makeBatch(1), never());
    expect(result.status).toBe('permanent');
    if (result.status === 'permanent') {
      expect(result.error.kind).toBe('config');
      expect(result.error.message).toMatch(/connector is closed/);
    }
    expect((await conn.healthcheck(never())).ok).toBe(false);
    expect(rx.requests).toHaveLength(1);
    // Closing ends the kept-alive sockets; the server sees them go shortly after.
    await eventually(() => rx.openConnections() === 0, 5000, 'A socket stayed open after close().');
    expect(rx.openConnections()).toBe(0);
  });

  it('waits for a request in flight before releasing sockets', async () => {
    conn = connect({ httpEndpoint: rx.url });
    rx.script({ status: 200, delayMs: 100 });
    const pending = conn.send(makeBatch(1), never());
    await rx.waitFor(1);
    await conn.close();
    expect(await pending).toEqual({ status: 'success' });
  });
});

describe('egress policy', () => {
  const createWith = (url: string, policy: { allowHttp: boolean; allowPrivateNetworks: boolean }) => () =>
    httpConnector.create(makeContext(policy), parseConfig({ httpEndpoint: url }));

  it('refuses http:// unless allowHttp', () => {
    const create = createWith(rx.url, { allowHttp: false, allowPrivateNetworks: true });
    expect(create).toThrow(ConfigError);
    try {
      create();
    } catch (err) {
      expect((err as ConfigError).issues[0]).toMatchObject({ path: 'httpEndpoint', message: expect.stringMatching(/http:\/\//) });
    }
  });

  it('refuses 127.0.0.1 unless allowPrivateNetworks', () => {
    const create = createWith(rx.url.replace('http:', 'https:'), { allowHttp: true, allowPrivateNetworks: false });
    expect(create).toThrow(ConfigError);
    try {
      create();
    } catch (err) {
      expect((err as ConfigError).issues[0]?.path).toBe('httpEndpoint');
      expect((err as ConfigError).message).toMatch(/private, loopback or link-local/);
    }
  });

  it('re-checks DNS answers at connect time (a name resolving to 127.0.0.1)', async () => {
    const strict = createEgressGuard({ allowHttp: true, allowPrivateNetworks: false });
    const ctx: ConnectorContext = { ...makeContext(), egress: { ...strict, checkUrl: () => {} } };
    conn = connect({ httpEndpoint: `http://localhost:${rx.port}/hook` }, ctx);
    const result = await conn.send(makeBatch(1), never());
    expect(result.status).toBe('permanent');
    if (result.status === 'permanent') {
      expect(result.error.kind).toBe('config');
      expect(result.error.message).toMatch(/resolves to private address/);
    }
    expect(rx.requests).toHaveLength(0);
  });
});

describe('secrets', () => {
  it('never appear in the config, error messages, excerpts or health results', async () => {
    const config = parseConfig({ httpEndpoint: rx.url, httpAuthorization: AUTH, httpSigningSecret: SIGNING });
    for (const text of [JSON.stringify(config), inspect(config, { depth: 10 })]) {
      expect(text).not.toContain('s3cr3t-TOKEN');
      expect(text).not.toContain(SIGNING.slice(6));
    }
    conn = httpConnector.create(makeContext(), config);
    // A destination that echoes the credentials back in its error answers.
    rx.respond((req) => ({
      status: req.method === 'HEAD' ? 401 : 400,
      body: `bad auth ${String(req.headers.authorization)} token=s3cr3t-TOKEN-value-1234 key=${SIGNING} raw=${SIGNING.slice(6)}`,
    }));
    const result = await conn.send(makeBatch(1), never());
    const health = await conn.healthcheck(never());
    for (const text of [JSON.stringify(result), inspect(result, { depth: 10 }), JSON.stringify(health)]) {
      expect(text).not.toContain('s3cr3t-TOKEN');
      expect(text).not.toContain(SIGNING.slice(6));
    }
    expect(JSON.stringify(result)).toContain('[REDACTED]');
  });
});
