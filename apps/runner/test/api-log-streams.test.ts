// /api/v2/log-streams in Auth0's shape: CRUD, status codes, error shape, validation naming the field, form bodies.
import { afterEach, describe, expect, it } from 'vitest';
import { baseConfig, startTestApp, type TestApp } from './support/app.js';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

const READ_ONLY = 'read-only-token-77';
const config = () =>
  baseConfig('  - { name: from-config, type: http, tenant: acme, sink: { httpEndpoint: "http://127.0.0.1:9/config" } }\n').replace(
    'tokens:\n',
    `tokens:\n  - { token: ${READ_ONLY}, tenant: acme, scopes: [read:log_streams] }\n`,
  );

interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  errorCode: string;
  errors?: Array<{ path: string; message: string }>;
}

const json = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) });
const sink = { httpEndpoint: 'http://127.0.0.1:9/hook' };

async function expectError(res: Response, status: number, errorCode: string, mentions?: string): Promise<ApiError> {
  expect(res.status).toBe(status);
  const body = (await res.json()) as ApiError;
  expect(body).toMatchObject({ statusCode: status, errorCode, error: expect.any(String), message: expect.any(String) });
  if (mentions) expect(body.message).toContain(mentions);
  return body;
}

describe('/api/v2/log-streams', () => {
  it('creates (200), lists, gets, patches and deletes (204); config streams say they are managed by config', async () => {
    app = await startTestApp(config());
    const list = (await (await app.api('/api/v2/log-streams')).json()) as Array<Record<string, unknown>>;
    expect(list).toEqual([
      expect.objectContaining({ name: 'from-config', type: 'http', status: 'active', managedBy: 'config', isPriority: false, filters: [] }),
    ]);
    const created = await app.api(
      '/api/v2/log-streams',
      json({ name: 'api-hook', type: 'http', sink, filters: [{ type: 'category', name: 'auth.login.fail' }] }),
    );
    expect(created.status).toBe(200);
    const stream = (await created.json()) as Record<string, unknown>;
    expect(stream).toMatchObject({
      name: 'api-hook',
      type: 'http',
      status: 'active',
      managedBy: 'api',
      filters: [{ type: 'category', name: 'auth.login.fail' }],
    });
    const id = stream.id as string;
    expect(await (await app.api(`/api/v2/log-streams/${id}`)).json()).toEqual(stream);
    const patched = await app.api(`/api/v2/log-streams/${id}`, { method: 'PATCH', body: JSON.stringify({ status: 'paused', filters: [] }) });
    expect(await patched.json()).toMatchObject({ id, status: 'paused', filters: [] });
    await expectError(await app.api('/api/v2/log-streams', json({ name: 'api-hook', type: 'http', sink })), 409, 'log_stream_conflict');
    const gone = await app.api(`/api/v2/log-streams/${id}`, { method: 'DELETE' });
    expect(gone.status).toBe(204);
    expect(await gone.text()).toBe('');
    await expectError(await app.api(`/api/v2/log-streams/${id}`), 404, 'inexistent_log_stream');

    const configId = list[0]?.id as string;
    await expectError(await app.api(`/api/v2/log-streams/${configId}`, { method: 'PATCH', body: JSON.stringify({ name: 'x' }) }), 400, 'managed_by_config');
    await expectError(await app.api(`/api/v2/log-streams/${configId}`, { method: 'DELETE' }), 400, 'managed_by_config');
    expect((await app.api(`/api/v2/log-streams/${configId}`, { method: 'PATCH', body: JSON.stringify({ status: 'paused' }) })).status).toBe(200);
  });

  it('answers 401 without or with an unknown token, and 403 naming the missing scope', async () => {
    app = await startTestApp(config());
    expect((await fetch(`${app.url}/api/v2/log-streams`)).status).toBe(401);
    await expectError(await app.api('/api/v2/log-streams', { token: 'nope' }), 401, 'invalid_token');
    expect((await app.api('/api/v2/log-streams', { token: READ_ONLY })).status).toBe(200);
    await expectError(
      await app.api('/api/v2/log-streams', { ...json({ type: 'http', sink }), token: READ_ONLY }),
      403,
      'insufficient_scope',
      'create:log_streams',
    );
    const [s] = (await (await app.api('/api/v2/log-streams')).json()) as Array<{ id: string }>;
    await expectError(
      await app.api(`/api/v2/log-streams/${s?.id}/test`, { method: 'POST', body: '{}', token: READ_ONLY }),
      403,
      'insufficient_scope',
      'update:log_streams',
    );
    await expectError(
      await app.api(`/api/v2/log-streams/${s?.id}/dead-letters/redrive`, { method: 'POST', body: '{}', token: READ_ONLY }),
      403,
      'insufficient_scope',
      'update:log_streams',
    );
    expect((await app.api('/api/v2/log-streams/preview', { ...json({ type: 'http', sink }), token: READ_ONLY })).status).toBe(200);
  });

  it('keeps type immutable and refuses "suspended" from a client', async () => {
    app = await startTestApp(config());
    const { id } = (await (await app.api('/api/v2/log-streams', json({ type: 'http', sink }))).json()) as { id: string };
    await expectError(await app.api(`/api/v2/log-streams/${id}`, { method: 'PATCH', body: JSON.stringify({ type: 'splunk' }) }), 400, 'invalid_body', 'type');
    await expectError(
      await app.api(`/api/v2/log-streams/${id}`, { method: 'PATCH', body: JSON.stringify({ status: 'suspended' }) }),
      400,
      'invalid_body',
      'status',
    );
    expect(await (await app.api(`/api/v2/log-streams/${id}`)).json()).toMatchObject({ type: 'http', status: 'active' });
    await expectError(await app.api('/api/v2/log-streams', json({ type: 'http', sink, status: 'suspended' })), 400, 'invalid_body', 'status');
  });

  it('rejects unknown and bad fields with 400 naming the field', async () => {
    app = await startTestApp(config());
    const unknownTop = await expectError(await app.api('/api/v2/log-streams', json({ type: 'http', sink, colour: 'blue' })), 400, 'invalid_body', 'colour');
    expect(unknownTop.errors?.length).toBeGreaterThan(0);
    await expectError(await app.api('/api/v2/log-streams', json({ type: 'http', sink: { ...sink, httpEndpiont: 'x' } })), 400, 'invalid_body', 'httpEndpiont');
    const badSink = await expectError(
      await app.api('/api/v2/log-streams', json({ type: 'http', sink: { httpEndpoint: 'not a url' } })),
      400,
      'invalid_body',
      'sink.httpEndpoint',
    );
    expect(badSink.errors?.map((e) => e.path)).toContain('sink.httpEndpoint');
    await expectError(
      await app.api('/api/v2/log-streams', json({ type: 'http', sink, filters: [{ type: 'category', name: 'no.such.category' }] })),
      400,
      'invalid_body',
      'filters',
    );
    await expectError(await app.api('/api/v2/log-streams', json({ type: 'nosuch', sink })), 400, 'invalid_body', 'type');
    await expectError(await app.api('/api/v2/log-streams', { method: 'POST', body: '{"type":' }), 400, 'invalid_body', 'JSON');
    const [s] = (await (await app.api('/api/v2/log-streams')).json()) as Array<{ id: string }>;
    await expectError(await app.api(`/api/v2/log-streams/${s?.id}/replay`, json({ from: 'yesterday' })), 400, 'invalid_body', 'from');
    await expectError(await app.api(`/api/v2/log-streams/${s?.id}/health?limit=-1`), 400, 'invalid_query_string', 'limit');
  });

  it('accepts a form-urlencoded create, nested sink fields included', async () => {
    app = await startTestApp(config());
    const form = new URLSearchParams({
      name: 'form-hook',
      type: 'http',
      'sink[httpEndpoint]': 'http://127.0.0.1:9/form',
      'sink[httpContentFormat]': 'JSONARRAY',
      'sink[httpAuthorization]': 'Bearer form-secret',
      filters: JSON.stringify([{ type: 'category', name: 'auth.login.success' }]),
      isPriority: 'false',
    });
    const res = await app.api('/api/v2/log-streams', {
      method: 'POST',
      body: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain('form-secret');
    expect(JSON.parse(text)).toMatchObject({
      name: 'form-hook',
      type: 'http',
      isPriority: false,
      sink: { httpEndpoint: 'http://127.0.0.1:9/form', httpContentFormat: 'JSONARRAY', httpAuthorization: '[REDACTED]' },
      filters: [{ type: 'category', name: 'auth.login.success' }],
    });
    const bad = new URLSearchParams({ type: 'http', 'sink[httpEndpoint]': 'http://127.0.0.1:9/form', extra: '1' });
    await expectError(
      await app.api('/api/v2/log-streams', { method: 'POST', body: bad.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      400,
      'invalid_body',
      'extra',
    );
  });
});
