// Every endpoint × authentication: 401 without or with a wrong token, 403 per missing scope, 404 for another tenant's stream.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCOPES } from '../src/config/schema.js';
import { baseConfig, startTestApp, TOKEN, TOKEN_B, type TestApp } from './support/app.js';
import { ENDPOINTS, label, type Endpoint } from './support/endpoints.js';
import { startReceiver, type Receiver } from './support/receiver.js';

/** For each scope, an acme token that has every other scope. */
const lacking = (scope: string) => `lacks-${scope.replace(':', '-')}-token`;

let app: TestApp;
let rx: Receiver;
beforeAll(async () => {
  rx = await startReceiver();
  const extra = SCOPES.map((s) => `  - { token: ${lacking(s)}, tenant: acme, scopes: [${SCOPES.filter((x) => x !== s).join(', ')}] }\n`).join('');
  app = await startTestApp(baseConfig('').replace('tokens:\n', `tokens:\n${extra}`));
});
afterAll(async () => {
  await app?.stop();
  await rx?.close();
});

/** A fresh acme stream, so a delete or patch in one case cannot affect another. */
async function acmeStream(): Promise<string> {
  const res = await app.api('/api/v2/log-streams', {
    method: 'POST',
    body: JSON.stringify({ type: 'http', sink: { httpEndpoint: `${rx.url}/acme`, httpContentFormat: 'JSONLINES' } }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

function call(e: Endpoint, id: string, token: string | null): Promise<Response> {
  return fetch(`${app.url}${e.path(id)}`, {
    method: e.method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': e.contentType ?? 'application/json' },
    ...(e.body ? { body: e.body(rx.url) } : {}),
  });
}

async function error(res: Response): Promise<{ statusCode: number; error: string; message: string; errorCode: string }> {
  return (await res.json()) as { statusCode: number; error: string; message: string; errorCode: string };
}

describe.each(ENDPOINTS.map((e) => [label(e), e] as const))('%s', (_name, e) => {
  it('answers 401 without a token, with a challenge and no rate-limit headers', async () => {
    const res = await call(e, await acmeStream(), null);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(res.headers.get('x-ratelimit-limit')).toBeNull();
    expect(await error(res)).toMatchObject({ statusCode: 401, error: 'Unauthorized', errorCode: 'missing_token' });
  });

  it('answers 401 with an unknown token, and with a malformed header', async () => {
    const id = await acmeStream();
    const res = await call(e, id, 'not-a-real-token-123');
    expect(res.status).toBe(401);
    expect(await error(res)).toMatchObject({ statusCode: 401, errorCode: 'invalid_token', message: 'Invalid token.' });
    const basic = await fetch(`${app.url}${e.path(id)}`, {
      method: e.method,
      headers: { authorization: `Basic ${Buffer.from(`u:${TOKEN}`).toString('base64')}` },
    });
    expect(basic.status).toBe(401);
  });

  it(`answers 403 naming ${e.scope} to a token without it`, async () => {
    const res = await call(e, await acmeStream(), lacking(e.scope));
    expect(res.status).toBe(403);
    expect(res.headers.get('x-ratelimit-limit')).toMatch(/^\d+$/);
    const body = await error(res);
    expect(body).toMatchObject({ statusCode: 403, error: 'Forbidden', errorCode: 'insufficient_scope' });
    expect(body.message).toContain(e.scope);
  });

  if (e.ofStream) {
    it('answers 404 to another tenant, and leaves the stream as it was', async () => {
      const id = await acmeStream();
      const before = await (await app.api(`/api/v2/log-streams/${id}`)).json();
      const res = await call(e, id, TOKEN_B);
      expect(res.status).toBe(404);
      expect(await error(res)).toMatchObject({ statusCode: 404, errorCode: 'inexistent_log_stream' });
      const after = await app.api(`/api/v2/log-streams/${id}`);
      expect(after.status).toBe(200);
      expect(await after.json()).toEqual(before);
    });
  }

  it(`answers ${e.ok} to the owner with every scope, with rate-limit headers`, async () => {
    const res = await call(e, await acmeStream(), TOKEN);
    expect(res.status).toBe(e.ok);
    expect(Number(res.headers.get('x-ratelimit-limit'))).toBeGreaterThan(0);
    expect(res.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
    expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000));
  });
});

describe('bad input', () => {
  const cases: Array<[string, string, string, unknown, RegExp]> = [
    ['create: a bad sink field', 'POST', '', { type: 'http', sink: { httpEndpoint: 'not a url' } }, /sink\.httpEndpoint/],
    [
      'create: an unknown filter category',
      'POST',
      '',
      { type: 'http', sink: { httpEndpoint: 'https://example.com/x' }, filters: [{ type: 'category', name: 'auth.nope' }] },
      /filters\[0\]\.name/,
    ],
    ['patch: a bad status', 'PATCH', '/:id', { status: 'sleeping' }, /status/],
    ['replay: a missing date', 'POST', '/:id/replay', {}, /from/],
  ];
  it.each(cases)('answers 400 naming the field (%s)', async (_name, method, suffix, body, field) => {
    const id = await acmeStream();
    const res = await app.api(`/api/v2/log-streams${suffix.replace(':id', id)}`, { method, body: JSON.stringify(body) });
    expect(res.status).toBe(400);
    const err = await error(res);
    expect(err).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(err.message).toMatch(field);
  });

  it('answers 400 naming the bad field of an ingested event', async () => {
    const res = await fetch(`${app.url}/v1/logs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify([{ type: 42 }]),
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toMatch(/type/);
  });

  it('keeps /health open without a token', async () => {
    const res = await fetch(`${app.url}/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-ratelimit-limit')).toBeNull();
  });
});
