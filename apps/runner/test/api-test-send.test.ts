// POST /{id}/test: one synthetic event sent now through the stream's connector, not stored, and the destination's answer.
import { describe, expect, it } from 'vitest';
import { baseConfig, type TestApp } from './support/app.js';
import { useTestApp } from './support/use-test-app.js';

const t = useTestApp();

const SECRET = 'Bearer test-send-secret-41b7';

interface TestAnswer {
  ok: boolean;
  result: string;
  kind?: string;
  httpStatus?: number;
  message?: string;
  durationMs: number;
  event: { log_id: string; type: string; description: string };
}

async function createHook(a: TestApp, url: string): Promise<string> {
  const res = await a.api('/api/v2/log-streams', {
    method: 'POST',
    body: JSON.stringify({ name: 'hook', type: 'http', sink: { httpEndpoint: url, httpAuthorization: SECRET } }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

describe('POST /api/v2/log-streams/{id}/test', () => {
  it('sends one Outflow test event now, answers success, and stores nothing', async () => {
    const rx = await t.receiver();
    const app = await t.start(baseConfig(''));
    const id = await createHook(app, `${rx.url}/hook`);
    const res = await app.api(`/api/v2/log-streams/${id}/test`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain('test-send-secret');
    const answer = JSON.parse(text) as TestAnswer;
    expect(answer).toMatchObject({ ok: true, result: 'success' });
    expect(answer.durationMs).toBeGreaterThanOrEqual(0);
    expect(answer.event.type).toBe('s');
    expect(answer.event.description).toContain('Outflow test');
    expect(rx.requests).toHaveLength(1);
    expect(rx.requests[0]?.headers.authorization).toBe(SECRET);
    expect(rx.requests[0]?.envelopes.map((e) => e.log_id)).toEqual([answer.event.log_id]);
    expect(rx.requests[0]?.envelopes[0]?.data).toEqual(answer.event);
    expect(await app.store.events.count('acme', 0)).toBe(0);
    const health = (await (await app.api(`/api/v2/log-streams/${id}/health`)).json()) as { delivered: number };
    expect(health.delivered).toBe(0);

    const custom = await app.api(`/api/v2/log-streams/${id}/test`, {
      method: 'POST',
      body: JSON.stringify({ event: { type: 'fp', description: 'mine', date: '2026-01-01T00:00:00.000Z' } }),
    });
    expect(((await custom.json()) as TestAnswer).event).toMatchObject({ type: 'fp', description: 'mine' });
    expect(rx.requests).toHaveLength(2);
  });

  it('answers what a refusing destination said, without the secret', async () => {
    const rx = await t.receiver();
    rx.script(() => ({ status: 401 }));
    const app = await t.start(baseConfig(''));
    const id = await createHook(app, `${rx.url}/hook`);
    const res = await app.api(`/api/v2/log-streams/${id}/test`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain('test-send-secret');
    expect(JSON.parse(text)).toMatchObject({ ok: false, result: 'permanent', kind: 'auth', httpStatus: 401, message: expect.any(String) });
    rx.script(() => ({ status: 503 }));
    expect(await (await app.api(`/api/v2/log-streams/${id}/test`, { method: 'POST', body: '{}' })).json()).toMatchObject({
      ok: false,
      result: 'retryable',
      kind: 'transient',
      httpStatus: 503,
    });
    // One send per call: the endpoint does not retry.
    expect(rx.requests).toHaveLength(2);
    const bad = await app.api(`/api/v2/log-streams/${id}/test`, { method: 'POST', body: JSON.stringify({ eventt: {} }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toContain('eventt');
    const other = await app.api(`/api/v2/log-streams/${id}/test`, { method: 'POST', body: '{}', token: 'tenant-b-token' });
    expect(other.status).toBe(404);
  });
});
