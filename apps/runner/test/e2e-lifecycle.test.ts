// End to end: pause/resume, startFrom, replay, retention purge and 7-day suspension (injected clock).
import { createManualClock } from '@outflow/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { baseConfig, startTestApp, TOKEN, TOKEN_B, type TestApp } from './support/app.js';
import { ingestMany } from './support/events.js';
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

const hook = (url: string) => `  - { name: hook, type: http, tenant: acme, sink: { httpEndpoint: "${url}/hook", httpContentFormat: JSONLINES } }\n`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function hookStream(a: TestApp): Promise<{ id: string; status: string }> {
  const list = (await (await a.api('/api/v2/log-streams')).json()) as Array<{ id: string; name: string; status: string }>;
  return list.find((s) => s.name === 'hook') as { id: string; status: string };
}

describe('stream lifecycle', () => {
  it('sends nothing while paused, keeps the events, and sends them all on resume', async () => {
    rx = await startReceiver();
    app = await startTestApp(baseConfig(hook(rx.url)));
    const { id } = await hookStream(app);
    const paused = await app.api(`/api/v2/log-streams/${id}`, { method: 'PATCH', body: JSON.stringify({ status: 'paused' }) });
    expect(((await paused.json()) as { status: string }).status).toBe('paused');
    const ids = await ingestMany(app.url, TOKEN, 1_000);
    await sleep(500);
    expect(rx.requests.length).toBe(0);
    const health = (await (await app.api(`/api/v2/log-streams/${id}/health`)).json()) as { lagEvents: number };
    expect(health.lagEvents).toBe(1_000);
    await app.api(`/api/v2/log-streams/${id}`, { method: 'PATCH', body: JSON.stringify({ status: 'active' }) });
    await rx.waitFor(() => rx!.uniqueIds().size >= 1_000);
    expect(rx.uniqueIds()).toEqual(new Set(ids));
  }, 30_000);

  it('starts a new stream at startFrom, and replays an existing one from a date', async () => {
    rx = await startReceiver();
    const clock = createManualClock(Date.now() - 3 * 86_400_000);
    app = await startTestApp(baseConfig(''), clock);
    const old = await ingestMany(app.url, TOKEN, 100, 100);
    await clock.advance(86_400_000);
    const marker = new Date(clock.now()).toISOString();
    const recent = await ingestMany(app.url, TOKEN, 100, 100);
    await ingestMany(app.url, TOKEN_B, 50, 50);
    const make = (name: string, startFrom?: string) =>
      app!.api('/api/v2/log-streams', {
        method: 'POST',
        body: JSON.stringify({
          name,
          type: 'http',
          sink: { httpEndpoint: `${rx!.url}/${name}`, httpContentFormat: 'JSONLINES' },
          ...(startFrom ? { startFrom } : {}),
        }),
      });
    const created = await make('from-marker', marker);
    expect(created.status).toBe(200);
    const stream = (await created.json()) as { id: string; status: string; type: string };
    expect(stream).toMatchObject({ status: 'active', type: 'http' });
    expect(stream.id).toMatch(/^lst_/);
    await rx.waitFor(() => rx!.uniqueIds().size >= 100);
    await sleep(200);
    expect(rx.uniqueIds()).toEqual(new Set(recent));
    const fresh = await make('no-start');
    expect(fresh.status).toBe(200);
    await sleep(300);
    expect(rx.requests.filter((r) => r.path === '/no-start').length).toBe(0);
    const replay = await app.api(`/api/v2/log-streams/${stream.id}/replay`, {
      method: 'POST',
      body: JSON.stringify({ from: new Date(clock.now() - 2 * 86_400_000).toISOString() }),
    });
    expect(replay.status).toBe(200);
    await rx.waitFor(() => rx!.uniqueIds().size >= 200);
    expect(rx.uniqueIds()).toEqual(new Set([...old, ...recent]));
  }, 30_000);

  it('purges events past retention and tells a paused stream how many it lost', async () => {
    rx = await startReceiver();
    const clock = createManualClock(Date.now());
    app = await startTestApp(baseConfig(hook(rx.url)), clock);
    const { id } = await hookStream(app);
    await app.api(`/api/v2/log-streams/${id}`, { method: 'PATCH', body: JSON.stringify({ status: 'paused' }) });
    await ingestMany(app.url, TOKEN, 300, 100);
    await clock.advance(31 * 86_400_000);
    const kept = await ingestMany(app.url, TOKEN, 50, 50);
    // The hourly retention job ran while the clock moved 31 days; running it again finds nothing.
    await app.supervisor.runRetention();
    expect(await app.store.events.count('acme', 0)).toBe(50);
    const health = (await (await app.api(`/api/v2/log-streams/${id}/health`)).json()) as {
      records: Array<{ kind: string; count?: number }>;
      lagEvents: number;
    };
    expect(health.records.find((r) => r.kind === 'events_lost')).toMatchObject({ count: 300 });
    expect(health.lagEvents).toBe(50);
    await app.api(`/api/v2/log-streams/${id}`, { method: 'PATCH', body: JSON.stringify({ status: 'active' }) });
    await rx.waitFor(() => rx!.uniqueIds().size >= 50);
    await sleep(200);
    expect(rx.uniqueIds()).toEqual(new Set(kept));
  }, 30_000);

  it('suspends a stream after 7 days of consecutive failures, and a user restarts it', async () => {
    rx = await startReceiver();
    let failing = true;
    rx.script(() => (failing ? { status: 503 } : undefined));
    const clock = createManualClock(Date.now());
    app = await startTestApp(baseConfig(hook(rx.url), `  roundBackoff: { initial: 30s, multiplier: 2, max: 10m }`), clock);
    const { id } = await hookStream(app);
    const ids = await ingestMany(app.url, TOKEN, 20, 20);
    await rx.waitFor(() => rx!.requests.length >= 1);
    for (let day = 0; day < 8 && (await hookStream(app)).status !== 'suspended'; day++) {
      for (let step = 0; step < 24 * 6; step++) await clock.advance(600_000);
    }
    const s = await hookStream(app);
    expect(s.status).toBe('suspended');
    // The worker writes the `suspended` record after the status.
    type Health = { records: Array<{ kind: string }>; suspendedReason?: string };
    const health = await readUntil(
      async () => (await (await app!.api(`/api/v2/log-streams/${id}/health`)).json()) as Health,
      (h) => h.records.some((r) => r.kind === 'suspended'),
    );
    expect(health.records.some((r) => r.kind === 'suspended')).toBe(true);
    expect(health.suspendedReason).toBeTruthy();
    const sent = rx.requests.length;
    await clock.advance(3_600_000);
    expect(rx.requests.length).toBe(sent);
    failing = false;
    const restarted = await app.api(`/api/v2/log-streams/${id}`, { method: 'PATCH', body: JSON.stringify({ status: 'active' }) });
    expect(((await restarted.json()) as { status: string }).status).toBe('active');
    await rx.waitFor(() => rx!.uniqueIds().size >= 20);
    expect(rx.uniqueIds()).toEqual(new Set(ids));
  }, 60_000);

  it('never delivers one tenant’s events to another tenant’s streams', async () => {
    rx = await startReceiver();
    app = await startTestApp(baseConfig(hook(rx.url)));
    const mine = await ingestMany(app.url, TOKEN, 100, 100);
    await ingestMany(app.url, TOKEN_B, 100, 100);
    await rx.waitFor(() => rx!.uniqueIds().size >= 100);
    await sleep(300);
    expect(rx.uniqueIds()).toEqual(new Set(mine));
    const other = (await (await app.api('/api/v2/log-streams', { token: TOKEN_B })).json()) as unknown[];
    expect(other).toEqual([]);
    const { id } = await hookStream(app);
    expect((await app.api(`/api/v2/log-streams/${id}`, { token: TOKEN_B })).status).toBe(404);
  }, 30_000);
});
