// Probes: POST /{id}/probe, POST /probe for an unsaved sink, and the probe at stream start (real receivers on 127.0.0.1).
import { describe, expect, it } from 'vitest';
import { baseConfig, TOKEN, type TestApp } from './support/app.js';
import { ingest, makeEvent } from './support/events.js';
import { readUntil } from './support/wait.js';
import { useTestApp } from './support/use-test-app.js';

const t = useTestApp();

const SECRET = 'Bearer probe-secret-5d21c8';

interface ProbeAnswer {
  ok: boolean;
  message?: string;
  error?: { kind: string; status?: number; message: string };
  durationMs: number;
}

interface HealthRecord {
  kind: string;
  errorKind?: string;
  status?: number;
  message: string;
}

async function post(a: TestApp, path: string, body: unknown, token?: string): Promise<{ status: number; text: string }> {
  const res = await a.api(path, { method: 'POST', body: JSON.stringify(body), ...(token ? { token } : {}) });
  return { status: res.status, text: await res.text() };
}

/** 401 to every HEAD whose Authorization is not `good`. */
const authProbe = (good: string) => (r: { headers: Record<string, unknown> }) => (r.headers.authorization === good ? undefined : { status: 401 });

describe('POST /api/v2/log-streams/{id}/probe', () => {
  it('answers ok when the destination accepts the healthcheck, and auth with 401 when it refuses the credentials, without the secret', async () => {
    const rx = await t.receiver();
    const app = await t.start(baseConfig(''));
    const created = await post(app, '/api/v2/log-streams', { name: 'hook', type: 'http', sink: { httpEndpoint: `${rx.url}/hook`, httpAuthorization: SECRET } });
    expect(created.status).toBe(200);
    const { id } = JSON.parse(created.text) as { id: string };

    const ok = await post(app, `/api/v2/log-streams/${id}/probe`, {});
    expect(ok.status).toBe(200);
    const okAnswer = JSON.parse(ok.text) as ProbeAnswer;
    expect(okAnswer).toMatchObject({ ok: true, durationMs: expect.any(Number) });
    expect(okAnswer.error).toBeUndefined();
    expect(rx.probes.some((p) => p.method === 'HEAD' && p.headers.authorization === SECRET)).toBe(true);

    rx.probeScript(() => ({ status: 401 }));
    const refused = await post(app, `/api/v2/log-streams/${id}/probe`, {});
    expect(refused.status).toBe(200);
    expect(refused.text).not.toContain('probe-secret');
    expect(JSON.parse(refused.text)).toMatchObject({
      ok: false,
      error: { kind: 'auth', status: 401, message: expect.any(String) },
      durationMs: expect.any(Number),
    });
    // A probe writes no events.
    expect(rx.requests).toHaveLength(0);
  });

  it('needs update:log_streams and the tenant\u2019s own stream', async () => {
    const app = await t.start(baseConfig('  - { name: hook, type: http, tenant: acme, sink: { httpEndpoint: "http://127.0.0.1:9/hook" } }\n'));
    const [stream] = (await (await app.api('/api/v2/log-streams')).json()) as Array<{ id: string }>;
    const other = await post(app, `/api/v2/log-streams/${stream?.id}/probe`, {}, 'tenant-b-token');
    expect(other.status).toBe(404);
    const unreachable = JSON.parse((await post(app, `/api/v2/log-streams/${stream?.id}/probe`, {})).text) as ProbeAnswer;
    expect(unreachable).toMatchObject({ ok: false, error: { kind: 'transient' } });
  });
});

describe('POST /api/v2/log-streams/probe (an unsaved sink)', () => {
  it('probes a sink before it is saved, with the checks of create', async () => {
    const rx = await t.receiver();
    rx.probeScript(authProbe(SECRET));
    const app = await t.start(baseConfig(''));
    const good = await post(app, '/api/v2/log-streams/probe', { type: 'http', sink: { httpEndpoint: `${rx.url}/hook`, httpAuthorization: SECRET } });
    expect(good.status).toBe(200);
    expect(JSON.parse(good.text)).toMatchObject({ ok: true });
    const bad = await post(app, '/api/v2/log-streams/probe', {
      type: 'http',
      sink: { httpEndpoint: `${rx.url}/hook`, httpAuthorization: 'Bearer wrong-secret-77aa' },
    });
    expect(bad.status).toBe(200);
    expect(bad.text).not.toContain('wrong-secret');
    expect(JSON.parse(bad.text)).toMatchObject({ ok: false, error: { kind: 'auth', status: 401 } });

    const invalid = await post(app, '/api/v2/log-streams/probe', { type: 'http', sink: { httpEndpoint: 'ftp://x' } });
    expect(invalid.status).toBe(400);
    expect(invalid.text).toContain('sink.httpEndpoint');
    const unknownType = await post(app, '/api/v2/log-streams/probe', { type: 'pagerduty', sink: {} });
    expect(unknownType.status).toBe(400);
    expect(unknownType.text).toContain('type');
    const operatorOnly = await post(app, '/api/v2/log-streams/probe', { type: 'console', sink: { target: { file: '/tmp/x.log' } } });
    expect(operatorOnly.status).toBe(400);
    expect(operatorOnly.text).toContain('operator');
    // No stream was saved.
    expect(await (await app.api('/api/v2/log-streams')).json()).toEqual([]);
    expect(rx.requests).toHaveLength(0);
  });
});

describe('the probe at stream start', () => {
  it('records a failed probe in health and never blocks delivery, which goes on once the destination accepts', async () => {
    const rx = await t.receiver();
    // The healthcheck is refused (401); deliveries are accepted.
    rx.probeScript(() => ({ status: 401 }));
    const app = await t.start(
      baseConfig(`  - { name: hook, type: http, tenant: acme, sink: { httpEndpoint: "${rx.url}/hook", httpAuthorization: "${SECRET}" } }\n`),
    );
    const [stream] = (await (await app.api('/api/v2/log-streams')).json()) as Array<{ id: string }>;
    const events = Array.from({ length: 5 }, () => makeEvent());
    expect((await ingest(app.url, TOKEN, events)).status).toBe(202);
    await rx.waitFor(() => rx.uniqueIds().size === 5);
    const health = await readUntil(
      async () => (await (await app.api(`/api/v2/log-streams/${stream?.id}/health`)).json()) as { delivered: number; records: HealthRecord[] },
      (h) => h.records.some((r) => r.kind === 'probe_failed') && h.delivered === 5,
    );
    const probe = health.records.find((r) => r.kind === 'probe_failed');
    expect(probe).toMatchObject({ kind: 'probe_failed', errorKind: 'auth', status: 401, message: expect.stringContaining('start probe') });
    expect(JSON.stringify(health)).not.toContain('probe-secret');
    expect(health.records.some((r) => r.kind === 'delivery_failed')).toBe(false);
    expect(app.logs.join('')).not.toContain('probe-secret');
  });

  it('records nothing when the probe passes', async () => {
    const rx = await t.receiver();
    const app = await t.start(baseConfig(`  - { name: hook, type: http, tenant: acme, sink: { httpEndpoint: "${rx.url}/hook" } }\n`));
    await rx.waitFor(() => rx.probes.length >= 1);
    expect((await ingest(app.url, TOKEN, [makeEvent()])).status).toBe(202);
    await rx.waitFor(() => rx.uniqueIds().size === 1);
    const [stream] = (await (await app.api('/api/v2/log-streams')).json()) as Array<{ id: string }>;
    const health = (await (await app.api(`/api/v2/log-streams/${stream?.id}/health`)).json()) as { records: HealthRecord[] };
    expect(health.records.filter((r) => r.kind === 'probe_failed')).toEqual([]);
  });
});
