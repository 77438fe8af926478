// The preview endpoint: what a webhook would receive, secrets masked, and byte for byte what it then gets.
import { REDACTED } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { baseConfig, TOKEN, type TestApp } from './support/app.js';
import { ingest } from './support/events.js';
import { useTestApp } from './support/use-test-app.js';

const t = useTestApp();

const SECRET = 'Bearer preview-secret-7f3a9c';

interface Preview {
  events: Array<Record<string, unknown>>;
  requests: Array<{ method: string; url: string; headers: Record<string, string>; body: string }>;
}

async function preview(a: TestApp, body: unknown): Promise<{ status: number; text: string; json: Preview }> {
  const res = await a.api('/api/v2/log-streams/preview', { method: 'POST', body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text) as Preview };
}

describe('POST /api/v2/log-streams/preview', () => {
  it('shows the JSONLINES and JSONARRAY requests of sample events with httpAuthorization masked', async () => {
    const rx = await t.receiver();
    const app = await t.start(baseConfig(''));
    const sink = { httpEndpoint: `${rx.url}/hook`, httpAuthorization: SECRET };
    const lines = await preview(app, { type: 'http', sink: { ...sink, httpContentFormat: 'JSONLINES' }, count: 4 });
    expect(lines.status).toBe(200);
    expect(lines.text).not.toContain('preview-secret');
    expect(lines.json.events).toHaveLength(4);
    expect(lines.json.requests).toHaveLength(1);
    const [req] = lines.json.requests;
    expect(req).toMatchObject({ method: 'POST', url: `${rx.url}/hook` });
    expect(req?.headers.authorization).toBe(REDACTED);
    const sent = req?.body
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { log_id: string; data: Record<string, unknown> });
    expect(sent?.map((e) => e.log_id)).toEqual(lines.json.events.map((e) => e.log_id));
    expect(sent?.map((e) => e.data)).toEqual(lines.json.events);
    // Sample events are fixed, so two previews agree.
    expect((await preview(app, { type: 'http', sink: { ...sink, httpContentFormat: 'JSONLINES' }, count: 4 })).json).toEqual(lines.json);

    const array = await preview(app, { type: 'http', sink: { ...sink, httpContentFormat: 'JSONARRAY' }, count: 4 });
    expect(array.status).toBe(200);
    expect(array.text).not.toContain('preview-secret');
    expect(array.json.requests[0]?.headers.authorization).toBe(REDACTED);
    expect((JSON.parse(array.json.requests[0]?.body ?? '') as Array<{ data: unknown }>).map((e) => e.data)).toEqual(array.json.events);
    expect(rx.requests).toHaveLength(0);
  });

  it('applies filters and pii_config as delivery does, and names bad sink fields', async () => {
    const app = await t.start(baseConfig(''));
    const events = [
      {
        log_id: '90020251201000000000000000000000000000000000000001',
        date: '2025-12-01T10:00:00.000Z',
        type: 's',
        description: 'ok',
        user_name: 'alice@example.com',
      },
      {
        log_id: '90020251201000000000000000000000000000000000000002',
        date: '2025-12-01T10:00:01.000Z',
        type: 'f',
        description: 'no',
        user_name: 'bob@example.com',
      },
    ];
    const res = await preview(app, {
      type: 'http',
      sink: { httpEndpoint: 'http://127.0.0.1:9/hook' },
      events,
      filters: [{ type: 'category', name: 'auth.login.success' }],
      pii_config: { log_fields: ['username'], method: 'mask' },
    });
    expect(res.status).toBe(200);
    const body = res.json.requests[0]?.body ?? '';
    expect(body.trimEnd().split('\n')).toHaveLength(1);
    const [only] = body
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { log_id: string; data: { user_name: string } });
    expect(only?.log_id).toBe(events[0]?.log_id);
    expect(only?.data.user_name).toBe('*'.repeat('alice@example.com'.length));

    // Events without log_id or date come back as the log would store them: ingesting those reproduces the preview.
    const bare = await preview(app, { type: 'http', sink: { httpEndpoint: 'http://127.0.0.1:9/hook' }, events: [{ type: 's', description: 'bare' }] });
    expect(bare.json.events[0]).toMatchObject({ type: 's', description: 'bare', log_id: expect.any(String), date: expect.any(String) });
    expect(bare.json.requests[0]?.body).toBe(`${JSON.stringify({ log_id: bare.json.events[0]?.log_id, data: bare.json.events[0] })}\n`);

    const bad = await app.api('/api/v2/log-streams/preview', { method: 'POST', body: JSON.stringify({ type: 'http', sink: { httpEndpoint: 'ftp://x' } }) });
    expect(bad.status).toBe(400);
    const err = (await bad.json()) as { statusCode: number; message: string; errors: Array<{ path: string }> };
    expect(err.statusCode).toBe(400);
    expect(err.message).toContain('sink.httpEndpoint');
    const unknown = await app.api('/api/v2/log-streams/preview', {
      method: 'POST',
      body: JSON.stringify({ type: 'http', sink: { httpEndpoint: 'http://127.0.0.1:9/' }, extra: 1 }),
    });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { message: string }).message).toContain('extra');
  });

  it('previews byte for byte the body the connector then sends for the same events', async () => {
    const rx = await t.receiver();
    const app = await t.start(baseConfig(''));
    for (const format of ['JSONLINES', 'JSONARRAY'] as const) {
      const sink = { httpEndpoint: `${rx.url}/${format}`, httpContentFormat: format, httpAuthorization: SECRET };
      const shown = await preview(app, { type: 'http', sink, count: 5 });
      expect(shown.status).toBe(200);
      const created = await app.api('/api/v2/log-streams', { method: 'POST', body: JSON.stringify({ name: `byte-${format}`, type: 'http', sink }) });
      expect(created.status).toBe(200);
      expect((await ingest(app.url, TOKEN, shown.json.events)).status).toBe(202);
      await rx.waitFor(() => rx.requests.some((r) => r.path === `/${format}`));
      const got = rx.requests.filter((r) => r.path === `/${format}`);
      expect(got).toHaveLength(1);
      expect(got[0]?.body).toBe(shown.json.requests[0]?.body);
      expect(got[0]?.headers.authorization).toBe(SECRET);
      const shownHeaders = shown.json.requests[0]?.headers ?? {};
      expect(Object.keys(shownHeaders)).toContain('content-type');
      for (const [name, value] of Object.entries(shownHeaders)) if (name !== 'authorization') expect(got[0]?.headers[name]).toBe(value);
      await app.api(`/api/v2/log-streams/${((await created.json()) as { id: string }).id}`, { method: 'DELETE' });
    }
  }, 30_000);
});
