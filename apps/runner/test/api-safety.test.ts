// Safety of the management API: secrets never come back, and destinations on private networks are refused
// at create, at patch, and again at connect time (a name that resolves to loopback).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { lookup as systemLookup } from 'node:dns';
import type { DnsLookup } from '@outflow/core';
import { afterEach, describe, expect, it } from 'vitest';
import { Tokens } from '../src/index.js';
import { baseConfig, startTestApp, TOKEN, type TestApp } from './support/app.js';
import { ingest, makeEvent } from './support/events.js';
import { startReceiver, type Receiver } from './support/receiver.js';

let app: TestApp | undefined;
let rx: Receiver | undefined;
let echo: Server | undefined;
afterEach(async () => {
  await app?.stop();
  await rx?.close();
  echo?.closeAllConnections();
  await new Promise<void>((ok) => (echo ? echo.close(() => ok()) : ok()));
  app = undefined;
  rx = undefined;
  echo = undefined;
});

const AUTH = 'Bearer safety-auth-secret-5d21';
const SIGNING = 'whsec_c2FmZXR5LXNpZ25pbmctc2VjcmV0LTAwMTE=';
const SECRET_BITS = ['safety-auth-secret-5d21', 'c2FmZXR5LXNpZ25pbmctc2VjcmV0LTAwMTE'];

const egress = (allowHttp: boolean, allowPrivateNetworks: boolean) => (yaml: string) =>
  yaml.replace('egress: { allowHttp: true, allowPrivateNetworks: true }', `egress: { allowHttp: ${allowHttp}, allowPrivateNetworks: ${allowPrivateNetworks} }`);

/** A destination that answers with the request's Authorization header in its body (a leak if shown). */
async function startEcho(status: () => number): Promise<string> {
  echo = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(status(), { 'content-type': 'text/plain' });
      res.end(`refused; you sent authorization=${req.headers.authorization ?? ''}`);
    });
  });
  await new Promise<void>((ok) => echo!.listen(0, '127.0.0.1', ok));
  return `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
}

function expectNoSecret(what: string, text: string): void {
  for (const bit of SECRET_BITS) expect(text, `${what} shows a secret`).not.toContain(bit);
}

describe('secrets in API answers', () => {
  it('never shows httpAuthorization or httpSigningSecret: list, get, create, patch, preview, test, health, dead letters, logs', async () => {
    let status = 400;
    const url = await startEcho(() => status);
    app = await startTestApp(baseConfig(''));
    const sink = { httpEndpoint: `${url}/hook`, httpAuthorization: AUTH, httpSigningSecret: SIGNING };
    const call = async (what: string, path: string, init?: RequestInit) => {
      const res = await app!.api(path, init);
      const text = await res.text();
      expectNoSecret(what, text);
      return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    };
    const created = await call('create', '/api/v2/log-streams', { method: 'POST', body: JSON.stringify({ name: 'secret-hook', type: 'http', sink }) });
    expect(created.status).toBe(200);
    expect(created.json.sink).toMatchObject({ httpAuthorization: '[REDACTED]', httpSigningSecret: '[REDACTED]' });
    const id = created.json.id as string;
    await call('list', '/api/v2/log-streams');
    await call('get', `/api/v2/log-streams/${id}`);
    const patched = await call('patch', `/api/v2/log-streams/${id}`, {
      method: 'PATCH',
      body: JSON.stringify({ name: 'renamed', sink: { ...sink, httpAuthorization: '[REDACTED]' } }),
    });
    expect(patched.status).toBe(200);
    expect((await app.store.streams.get(id))?.sink.httpAuthorization).toBe(AUTH);
    const preview = await call('preview', '/api/v2/log-streams/preview', { method: 'POST', body: JSON.stringify({ type: 'http', sink }) });
    expect(preview.status).toBe(200);
    const tested = await call('test', `/api/v2/log-streams/${id}/test`, { method: 'POST', body: '{}' });
    expect(tested.json).toMatchObject({ ok: false, httpStatus: 400 });
    expect(tested.json.message).toEqual(expect.any(String));
    // Deliveries: one refused for good (dead letter), then failed rounds (health records).
    expect((await ingest(app.url, TOKEN, [makeEvent()])).status).toBe(202);
    for (let i = 0; i < 300 && (await app.store.deadLetters.count(id)) === 0; i++) await new Promise((r) => setTimeout(r, 20));
    status = 503;
    expect((await ingest(app.url, TOKEN, [makeEvent()])).status).toBe(202);
    for (let i = 0; i < 300 && !(await app.store.health.list(id)).some((r) => r.kind === 'delivery_failed'); i++) await new Promise((r) => setTimeout(r, 20));
    const health = await call('health', `/api/v2/log-streams/${id}/health`);
    expect((health.json.records as Array<{ kind: string }>).some((r) => r.kind === 'delivery_failed')).toBe(true);
    const letters = await call('dead letters', `/api/v2/log-streams/${id}/dead-letters`);
    expect((letters.json as unknown as unknown[]).length).toBe(1);
    await call('stats', `/api/v2/log-streams/${id}/stats`);
    expectNoSecret('logs', app.logs.join(''));
  }, 30_000);
});

describe('egress checks (SSRF)', () => {
  const create = (a: TestApp, httpEndpoint: string) =>
    a.api('/api/v2/log-streams', { method: 'POST', body: JSON.stringify({ type: 'http', sink: { httpEndpoint } }) });

  async function expectRefused(res: Response): Promise<void> {
    expect(res.status).toBe(400);
    const body = (await res.json()) as { statusCode: number; errorCode: string; message: string; errors: Array<{ path: string }> };
    expect(body).toMatchObject({ statusCode: 400, errorCode: 'invalid_body' });
    expect(body.message).toContain('sink.httpEndpoint');
    expect(body.errors.map((e) => e.path)).toContain('sink.httpEndpoint');
  }

  it('refuses plain http:// unless egress.allowHttp, at create and patch', async () => {
    app = await startTestApp(egress(false, false)(baseConfig('')));
    await expectRefused(await create(app, 'http://logs.example.com/hook'));
    const ok = await create(app, 'https://logs.example.com/hook');
    expect(ok.status).toBe(200);
    const { id } = (await ok.json()) as { id: string };
    await expectRefused(
      await app.api(`/api/v2/log-streams/${id}`, { method: 'PATCH', body: JSON.stringify({ sink: { httpEndpoint: 'http://logs.example.com/hook' } }) }),
    );
    expect((await app.store.streams.get(id))?.sink.httpEndpoint).toBe('https://logs.example.com/hook');
  });

  it('refuses loopback, private and link-local destinations unless egress.allowPrivateNetworks, at create and patch', async () => {
    app = await startTestApp(egress(true, false)(baseConfig('')));
    for (const target of [
      'https://127.0.0.1/hook',
      'https://10.1.2.3/hook',
      'https://169.254.169.254/latest',
      'https://[::1]/hook',
      'https://localhost/hook',
      'http://192.168.1.20:8080/hook',
    ]) {
      await expectRefused(await create(app, target));
    }
    const ok = await create(app, 'https://logs.example.com/hook');
    const { id } = (await ok.json()) as { id: string };
    for (const target of ['https://10.0.0.8/hook', 'https://localhost:8443/hook']) {
      await expectRefused(await app.api(`/api/v2/log-streams/${id}`, { method: 'PATCH', body: JSON.stringify({ sink: { httpEndpoint: target } }) }));
    }
    expect((await app.api('/api/v2/log-streams')).status).toBe(200);
    expect(((await (await app.api('/api/v2/log-streams')).json()) as unknown[]).length).toBe(1);
  });

  it('refuses at connect time a name that resolves to loopback, though it passed at create', async () => {
    rx = await startReceiver();
    const port = new URL(rx.url).port;
    // DNS rebinding in miniature: the name looks public when the stream is created, and resolves to 127.0.0.1.
    const dnsLookup: DnsLookup = (hostname, options, callback) =>
      hostname === 'rebind.outflow.test' ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : systemLookup(hostname, options, callback);
    app = await startTestApp(egress(true, false)(baseConfig('')), undefined, undefined, {
      configure: (c) => c.register(Tokens.DnsLookup, { useValue: dnsLookup }),
    });
    const created = await create(app, `http://rebind.outflow.test:${port}/hook`);
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: string };
    const tested = (await (await app.api(`/api/v2/log-streams/${id}/test`, { method: 'POST', body: '{}' })).json()) as { ok: boolean; message: string };
    expect(tested.ok).toBe(false);
    expect(tested.message).toMatch(/private address 127\.0\.0\.1/);
    expect((await ingest(app.url, TOKEN, [makeEvent()])).status).toBe(202);
    for (let i = 0; i < 300 && !(await app.store.health.list(id)).some((r) => r.kind === 'delivery_failed'); i++) await new Promise((r) => setTimeout(r, 20));
    const [failure] = (await app.store.health.list(id)).filter((r) => r.kind === 'delivery_failed');
    expect(failure?.message).toMatch(/private address 127\.0\.0\.1/);
    expect(rx.requests).toHaveLength(0);
  }, 30_000);
});
