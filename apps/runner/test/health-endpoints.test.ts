// /livez and /readyz through startup, running and shutdown (a real runner process), and 404 for paths that are not the dashboard's.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { findDashboardDir } from '../src/server/static-route.js';
import { baseConfig, startTestApp, TOKEN, type TestApp } from './support/app.js';
import { ingest, makeEvent } from './support/events.js';
import { startReceiver, type Receiver } from './support/receiver.js';
import { exited } from './support/runner-process.js';
import { eventually } from './support/wait.js';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

let app: TestApp | undefined;
let rx: Receiver | undefined;
let proc: ChildProcess | undefined;
let dir: string | undefined;
afterEach(async () => {
  if (proc && proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  await app?.stop();
  await rx?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  app = rx = proc = dir = undefined;
});

interface Probe {
  status: number | 'refused';
  body?: { status: string; code?: string; reason?: string };
}

async function probe(url: string): Promise<Probe> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return { status: res.status, body: (await res.json()) as Probe['body'] };
  } catch {
    return { status: 'refused' };
  }
}

describe('health endpoints', () => {
  it('answers /readyz 503 while starting or draining and 200 while running, /livez 200 throughout', { timeout: 45_000 }, async () => {
    rx = await startReceiver();
    rx.script(() => ({ status: 200, delayMs: 2500 }));
    dir = mkdtempSync(join(tmpdir(), 'outflow-health-'));
    const yaml = baseConfig(`  - { name: slow, type: http, tenant: acme, sink: { httpEndpoint: "${rx.url}/slow", httpContentFormat: JSONLINES } }\n`)
      .replace('server: { host: 127.0.0.1, port: 0 }', 'server: { host: 127.0.0.1, port: 0, metrics: { enabled: true, port: 0 } }')
      .replace('log: { level: warn }', 'log: { level: info }');
    writeFileSync(join(dir, 'outflow.yaml'), yaml);
    const child = spawn(process.execPath, [MAIN, 'start', '--config', join(dir, 'outflow.yaml')], { stdio: ['ignore', 'pipe', 'pipe'] });
    proc = child;
    let out = '';
    child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
    // The metrics port opens before the store: poll its /readyz from then on.
    await eventually(() => /"url":"(http:\/\/127\.0\.0\.1:\d+)","msg":"Metrics and health/.test(out), 20_000, 'The metrics port did not open.');
    const ops = /"url":"(http:\/\/127\.0\.0\.1:\d+)","msg":"Metrics and health/.exec(out)?.[1] as string;
    const startup: Probe[] = [];
    for (;;) {
      const p = await probe(`${ops}/readyz`);
      startup.push(p);
      if (p.status === 200 || startup.length > 2000) break;
    }
    // Every answer before ready is a 503 saying why; then ready.
    expect(startup.at(-1)).toEqual({ status: 200, body: { status: 'ready' } });
    for (const p of startup.slice(0, -1)) {
      expect(p.status).toBe(503);
      expect(['starting', 'parse_threads_down']).toContain(p.body?.code);
      expect(p.body?.reason).toMatch(/\.$/);
    }
    const app = /Outflow is running at (http:\/\/\S+)/.exec(out)?.[1] ?? (/"url":"(http:\/\/127\.0\.0\.1:\d+)","streams"/.exec(out)?.[1] as string);
    expect(await probe(`${app}/readyz`)).toEqual({ status: 200, body: { status: 'ready' } });
    expect(await probe(`${app}/livez`)).toEqual({ status: 200, body: { status: 'live' } });
    expect(await probe(`${ops}/livez`)).toEqual({ status: 200, body: { status: 'live' } });

    // A delivery in flight (the receiver answers after 2.5 s) keeps the runner draining after SIGTERM.
    expect((await ingest(app, TOKEN, [makeEvent(), makeEvent()])).status).toBe(202);
    await rx.waitFor(() => rx!.requests.length > 0, 10_000);
    child.kill('SIGTERM');
    const draining: Probe[] = [];
    while (child.exitCode === null) {
      const p = await probe(`${ops}/readyz`);
      if (p.status === 'refused') break;
      draining.push(p);
      if (p.status === 503) break;
    }
    expect(draining.at(-1)).toEqual({
      status: 503,
      body: { status: 'not_ready', code: 'shutting_down', reason: 'The runner is shutting down.' },
    });
    expect(await probe(`${ops}/livez`)).toEqual({ status: 200, body: { status: 'live' } });
    // The main port stopped taking requests at once.
    expect((await probe(`${app}/readyz`)).status).not.toBe(200);
    expect(await exited(child)).toBe(0);
    // The in-flight delivery finished before the exit.
    expect(rx.accepted.flatMap((r) => r.envelopes)).toHaveLength(2);
    expect((await probe(`${ops}/readyz`)).status).toBe('refused');
  });

  it('answers 404 for paths that are neither the API nor the dashboard, and serves the dashboard to browsers only', async () => {
    expect(findDashboardDir()).not.toBeNull();
    app = await startTestApp(baseConfig('  []\n'));
    const html = { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8' };
    for (const path of ['/metrics', '/ready', '/status', '/version', '/foo', '/api/v2/nope', '/streams/x/y/z', '/healthz']) {
      for (const headers of [html, { accept: 'application/json' }, {}]) {
        const res = await fetch(`${app.url}${path}`, { headers });
        expect({ path, headers, status: res.status }).toEqual({ path, headers, status: 404 });
        expect(res.headers.get('content-type')).toContain('application/json');
        expect(((await res.json()) as { errorCode: string }).errorCode).toBe('not_found');
      }
    }
    for (const path of [
      '/',
      '/streams',
      '/streams/new',
      '/streams/lst_abc',
      '/streams/lst_abc/health',
      '/streams/lst_abc/dead-letters',
      '/streams/lst_abc/settings',
    ]) {
      const page = await fetch(`${app.url}${path}`, { headers: html });
      expect({ path, status: page.status }).toEqual({ path, status: 200 });
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await page.text()).toContain('<div id="root">');
      const json = await fetch(`${app.url}${path}`, { headers: { accept: 'application/json' } });
      expect({ path, status: json.status }).toEqual({ path, status: 404 });
    }
    expect((await fetch(`${app.url}/livez`)).status).toBe(200);
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
  });
});
