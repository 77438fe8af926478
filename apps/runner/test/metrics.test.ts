// Prometheus metrics end to end: a runner delivering to a receiver that fails some requests, scraped and parsed, counters checked against the receiver.
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfigText } from '../src/config/load.js';
import { baseConfig, startTestApp, TOKEN, TOKEN_B, type TestApp } from './support/app.js';
import { makeEvent, ndjson } from './support/events.js';
import { parseMetrics, scrape, type Scrape } from './support/prom.js';
import { startReceiver, type Receiver } from './support/receiver.js';
import { readUntil } from './support/wait.js';

let app: TestApp | undefined;
let rx: Receiver | undefined;
afterEach(async () => {
  await app?.stop();
  await rx?.close();
  app = undefined;
  rx = undefined;
});

const METRICS_TOKEN = 'metrics-scrape-secret-42';

/** The test config with a `server.metrics` block. */
function withMetrics(yaml: string, metrics: string): string {
  const out = yaml.replace('server: { host: 127.0.0.1, port: 0 }', `server: { host: 127.0.0.1, port: 0, metrics: ${metrics} }`);
  expect(out).not.toBe(yaml);
  return out;
}

/** Sends one ingest request; answers its status and the body's size. */
async function send(url: string, token: string, events: Record<string, unknown>[]): Promise<{ status: number; bytes: number }> {
  const body = ndjson(events);
  const res = await fetch(`${url}/v1/logs`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' }, body });
  await res.arrayBuffer();
  return { status: res.status, bytes: Buffer.byteLength(body) };
}

describe('metrics', () => {
  it('counts ingest, deliveries, retries, failed rounds and dead letters as the receiver saw them', { timeout: 60_000 }, async () => {
    rx = await startReceiver();
    // What the receiver answered, in events, per path: 2xx, 503 (retried) and 400 (refused).
    const seen = { hookOk: 0, hookRequestsOk: 0, hook503: 0, flaky503: 0, flakyOk: 0, posts: 0 };
    let hookRequests = 0;
    let flakyDown = true;
    rx.script((req) => {
      seen.posts++;
      const n = req.envelopes.length;
      if (req.path === '/flaky') {
        if (flakyDown) return ((seen.flaky503 += n), { status: 503 });
        seen.flakyOk += n;
        return undefined;
      }
      if (req.envelopes.some((e) => e.data.description === 'poison')) return { status: 400 };
      if (++hookRequests % 4 === 0) return ((seen.hook503 += n), { status: 503 });
      seen.hookOk += n;
      seen.hookRequestsOk++;
      return undefined;
    });
    const yaml = baseConfig(`  - { name: hook, type: http, tenant: acme, sink: { httpEndpoint: "${rx.url}/hook", httpContentFormat: JSONLINES } }\n`);
    app = await startTestApp(withMetrics(yaml, '{ enabled: true }'));
    const created = await app.api('/api/v2/log-streams', {
      method: 'POST',
      token: TOKEN_B,
      body: JSON.stringify({ name: 'flaky', type: 'http', sink: { httpEndpoint: `${rx.url}/flaky`, httpContentFormat: 'JSONLINES' } }),
    });
    expect(created.status).toBe(200);
    const flakyId = ((await created.json()) as { id: string }).id;
    const hookId = ((await (await app.api('/api/v2/log-streams')).json()) as Array<{ id: string; name: string }>).find((s) => s.name === 'hook')?.id as string;

    // acme: 5 requests of 120 events with 3 poisoned events among them; globex: 2 requests of 25; one request with a bad token.
    let acmeBytes = 0;
    let acmeEvents = 0;
    for (let i = 0; i < 5; i++) {
      const events = Array.from({ length: 120 }, (_, j) => makeEvent(i < 3 && j === 7 * (i + 1) ? { description: 'poison' } : {}));
      const r = await send(app.url, TOKEN, events);
      expect(r.status).toBe(202);
      acmeBytes += r.bytes;
      acmeEvents += events.length;
    }
    let globexBytes = 0;
    for (let i = 0; i < 2; i++)
      globexBytes += (
        await send(
          app.url,
          TOKEN_B,
          Array.from({ length: 25 }, () => makeEvent()),
        )
      ).bytes;
    expect((await send(app.url, 'not-a-real-token', [makeEvent()])).status).toBe(401);

    const url = `${app.url}/metrics`;
    const stream = (id: string) => ({ stream: id, type: 'http' });
    // The flaky destination fails whole rounds until it comes back.
    const failing = await readUntil(
      () => scrape(url),
      (m) => m.value('outflow_stream_failed_events_total', stream(flakyId)) > 0,
    );
    expect(failing.value('outflow_stream_failed_events_total', stream(flakyId))).toBeGreaterThan(0);
    expect(failing.value('outflow_stream_lag_events', stream(flakyId))).toBe(50);
    expect(failing.value('outflow_stream_lag_seconds', stream(flakyId))).toBeGreaterThan(0);
    flakyDown = false;

    const settled = (m: Scrape) =>
      m.value('outflow_stream_delivered_events_total', stream(hookId)) === acmeEvents - 3 &&
      m.value('outflow_stream_dead_lettered_events_total', stream(hookId)) === 3 &&
      m.value('outflow_stream_delivered_events_total', stream(flakyId)) === 50 &&
      m.value('outflow_stream_latency_seconds', stream(hookId)) === seen.hookRequestsOk &&
      m.value('outflow_stream_lag_events', stream(hookId)) === 0 &&
      m.value('outflow_stream_lag_events', stream(flakyId)) === 0;
    const m = await readUntil(() => scrape(url), settled, 40_000);

    // Ingest, by tenant and status.
    expect(m.value('outflow_ingest_requests_total', { tenant: 'acme', status: '202' })).toBe(5);
    expect(m.value('outflow_ingest_events_total', { tenant: 'acme', status: '202' })).toBe(acmeEvents);
    expect(m.value('outflow_ingest_bytes_total', { tenant: 'acme', status: '202' })).toBe(acmeBytes);
    expect(m.value('outflow_ingest_requests_total', { tenant: 'globex', status: '202' })).toBe(2);
    expect(m.value('outflow_ingest_bytes_total', { tenant: 'globex', status: '202' })).toBe(globexBytes);
    expect(m.value('outflow_ingest_requests_total', { status: '401' })).toBe(1);

    // Deliveries: what the receiver accepted, answered 503 (each such event was sent again) and refused for good.
    expect(m.value('outflow_stream_delivered_events_total', stream(hookId))).toBe(seen.hookOk);
    expect(m.value('outflow_stream_retried_events_total', stream(hookId))).toBe(seen.hook503);
    expect(seen.hook503).toBeGreaterThan(0);
    expect(m.value('outflow_stream_delivered_events_total', stream(flakyId))).toBe(seen.flakyOk);
    expect(m.value('outflow_stream_retried_events_total', stream(flakyId))).toBe(seen.flaky503);
    expect(m.value('outflow_stream_dead_lettered_events_total', stream(hookId))).toBe(3);
    const health = (await (await app.api(`/api/v2/log-streams/${flakyId}/health`, { token: TOKEN_B })).json()) as { failed: number };
    expect(m.value('outflow_stream_failed_events_total', stream(flakyId))).toBe(health.failed);
    // One attempt observed per request the receiver got; one latency observation per accepted request.
    expect(m.value('outflow_delivery_attempt_duration_seconds', { type: 'http' })).toBe(seen.posts);
    expect(m.value('outflow_delivery_attempt_duration_seconds', { type: 'http', outcome: 'retryable' })).toBeGreaterThan(0);
    expect(m.value('outflow_stream_latency_seconds', stream(hookId))).toBe(seen.hookRequestsOk);
    expect(m.value('outflow_stream_latency_seconds_sum', stream(hookId))).toBeGreaterThan(0);
    expect(m.value('outflow_stream_latency_seconds_bucket', { ...stream(hookId), le: '+Inf' })).toBe(seen.hookRequestsOk);

    // Store and process.
    expect(m.value('outflow_store_size_bytes')).toBeGreaterThan(0);
    const age = m.value('outflow_store_oldest_event_age_seconds');
    expect(age).toBeGreaterThan(0);
    expect(age).toBeLessThan(120);
    expect(m.families.has('process_cpu_user_seconds_total')).toBe(true);
    expect(m.families.has('nodejs_eventloop_lag_seconds')).toBe(true);
    expect(m.families.get('outflow_stream_latency_seconds')?.type).toBe('HISTOGRAM');

    // Bounded labels: stream id and connector type on stream series, never an event field.
    for (const [name, family] of m.families) {
      if (!name.startsWith('outflow_stream_') || family.type === 'HISTOGRAM') continue;
      const want = name.endsWith('_bucket') ? ['le', 'stream', 'type'] : ['stream', 'type'];
      for (const s of family.metrics) expect({ name, labels: Object.keys(s.labels ?? {}).sort() }).toEqual({ name, labels: want });
    }
    expect(m.text).not.toContain('poison');
    expect(m.text).not.toContain('user1');

    // A deleted stream's series go at the next scrape.
    expect((await app.api(`/api/v2/log-streams/${flakyId}`, { method: 'DELETE', token: TOKEN_B })).status).toBe(204);
    const after = await scrape(url);
    expect(after.text).not.toContain(flakyId);
    expect(after.value('outflow_stream_delivered_events_total', stream(hookId))).toBe(seen.hookOk);
  });

  it('serves metrics on their own port behind a bearer token, and not on the main port', async () => {
    app = await startTestApp(withMetrics(baseConfig('  []\n'), `{ enabled: true, port: 0, token: ${METRICS_TOKEN} }`));
    expect(app.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(app.metricsUrl).not.toBe(app.url);
    const main = await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(main.status).toBe(404);
    expect(((await main.json()) as { errorCode: string }).errorCode).toBe('not_found');

    const none = await fetch(`${app.metricsUrl}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect(await none.text()).not.toContain(METRICS_TOKEN);
    expect((await fetch(`${app.metricsUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}x` } })).status).toBe(401);
    expect((await fetch(`${app.metricsUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(401);

    expect((await send(app.url, TOKEN, [makeEvent(), makeEvent()])).status).toBe(202);
    const ok = await fetch(`${app.metricsUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/plain');
    const text = await ok.text();
    expect(text).not.toContain(METRICS_TOKEN);
    const m = parseMetrics(text);
    expect(m.value('outflow_ingest_events_total', { tenant: 'acme', status: '202' })).toBe(2);
    expect(m.families.has('process_resident_memory_bytes')).toBe(true);

    for (const base of [app.url, app.metricsUrl as string]) {
      expect((await fetch(`${base}/livez`)).status).toBe(200);
      expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ status: 'ready' });
    }
    expect((await fetch(`${app.metricsUrl}/foo`)).status).toBe(404);
  });

  it('reads server.metrics: off by default, the token kept secret, clear errors naming the field', () => {
    expect(parseConfigText('{}').server.metrics).toEqual({ enabled: false, path: '/metrics' });
    const on = parseConfigText(`server: { metrics: { enabled: true, port: 9464, token: ${METRICS_TOKEN} } }`).server.metrics;
    expect(on.token?.reveal()).toBe(METRICS_TOKEN);
    expect(JSON.stringify(on)).not.toContain(METRICS_TOKEN);
    expect(inspect(on)).not.toContain(METRICS_TOKEN);
    const bad = (yaml: string) => {
      try {
        parseConfigText(yaml);
      } catch (err) {
        return (err as Error).message;
      }
      return 'no error';
    };
    expect(bad('server: { port: 9000, metrics: { enabled: true, port: 9000 } }')).toContain('server.metrics.port');
    expect(bad('server: { metrics: { path: /api/v2/metrics } }')).toContain('server.metrics.path');
    expect(bad('server: { metrics: { path: metrics } }')).toContain('server.metrics.path');
    expect(bad('server: { metrics: { token: "" } }')).toContain('server.metrics.token');
    expect(bad('server: { metrics: { enabled: true, bogus: 1 } }')).toContain('bogus');
  });
});
