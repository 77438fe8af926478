// Spawns the real runner (apps/runner/dist/main.js) with a temporary config and SQLite store.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const TOKEN = 'dashboard-test-token';
const MAIN = resolve(import.meta.dirname, '../../../runner/dist/main.js');

export interface RunnerProcess {
  url: string;
  api(path: string, init?: RequestInit): Promise<Response>;
  ingest(events: Array<Record<string, unknown>>): Promise<void>;
  output(): string;
  stop(): Promise<void>;
}

const CONFIG = `server: { host: 127.0.0.1, port: 0 }
store: { sqlite: { path: ./outflow.db } }
tokens:
  - { token: ${TOKEN}, tenant: acme, scopes: [ingest:logs, read:log_streams, create:log_streams, update:log_streams, delete:log_streams] }
egress: { allowHttp: true, allowPrivateNetworks: true }
log: { level: warn }
delivery:
  attemptsPerRound: 1
  attemptBackoff: { initial: 20ms, max: 100ms }
  roundBackoff: { initial: 300ms, multiplier: 1.5, max: 1s }
  suspendAfter: SUSPEND_AFTER
streams:
`;

/** `suspendAfter`: how long failing lasts before suspension (4 s unless given); `streams`: YAML list items of config streams. */
export async function startRunner(options: { suspendAfter?: string; streams?: string } = {}): Promise<RunnerProcess> {
  if (!existsSync(MAIN)) throw new Error(`The runner is not built (${MAIN} is missing): run the build of @outflow/runner first.`);
  const dir = mkdtempSync(join(tmpdir(), 'outflow-dashboard-'));
  writeFileSync(join(dir, 'outflow.yaml'), CONFIG.replace('SUSPEND_AFTER', options.suspendAfter ?? '4s') + (options.streams ?? ''));
  const child: ChildProcess = spawn(process.execPath, [MAIN, 'start', '--config', join(dir, 'outflow.yaml')], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`The runner did not start within 30 s. Output:\n${out}`)), 30_000);
    const check = () => {
      const m = /Outflow is running at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[1] as string);
      }
    };
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`The runner exited with code ${code}. Output:\n${out}`));
    });
  });
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
    });
  return {
    url,
    api,
    async ingest(events) {
      const res = await api('/v1/logs', {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson' },
        body: events.map((e) => JSON.stringify(e)).join('\n') + '\n',
      });
      if (!res.ok) throw new Error(`Ingest answered ${res.status}: ${await res.text()}`);
    },
    output: () => out,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((ok) => child.once('exit', ok));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((ok) => setTimeout(ok, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let counter = 0;

/** A realistic Auth0 tenant log event. */
export function makeEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const n = ++counter;
  return {
    log_id: `90020261201${String(process.pid).padStart(8, '0')}${String(n).padStart(12, '0')}`,
    date: new Date().toISOString(),
    type: n % 2 ? 's' : 'f',
    description: n % 2 ? 'Success Login' : 'Wrong email or password.',
    client_id: 'AaiyAPdpYdesoKnqjj8HJqRn4T5titww',
    client_name: 'Dashboard tests',
    ip: '203.0.113.7',
    user_agent: 'Chrome 120.0.0 / Mac OS X 10.15.7',
    user_id: `auth0|${n}`,
    user_name: `user${n}@example.com`,
    connection: 'Username-Password-Authentication',
    hostname: 'tenant.example.auth0.com',
    ...overrides,
  };
}
