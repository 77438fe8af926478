// Starts a runner in-process on a temporary SQLite store with a YAML config for a test.
import { lookup as systemLookup } from 'node:dns';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { isLocalHostname, type Clock, type DnsLookup } from '@outflow/core';
import { loadConfigFile, startApp, Tokens, type RunningApp, type StartOptions } from '../../src/index.js';

export const TOKEN = 'test-token-123';
export const TOKEN_B = 'tenant-b-token';

export interface TestApp extends RunningApp {
  dir: string;
  logs: string[];
  api(path: string, init?: RequestInit & { token?: string }): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * The runner's DNS in tests unless a test brings its own: local names as the system answers them, any other name not
 * found, as on a machine without network. Streams created with public names (a Datadog region, logs.example.com) then
 * fail their start probe and deliveries cleanly instead of asking a DNS server (which the network guard refuses).
 */
export const offlineLookup: DnsLookup = (hostname, options, callback) =>
  isLocalHostname(hostname)
    ? systemLookup(hostname, options, callback)
    : callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname} (tests resolve no public names)`), { code: 'ENOTFOUND', hostname }), []);

export function baseConfig(streamsYaml: string, delivery = FAST_DELIVERY): string {
  return `server: { host: 127.0.0.1, port: 0 }
store: { sqlite: { path: ./outflow.db } }
tokens:
  - { token: ${TOKEN}, tenant: acme, scopes: [ingest:logs, read:log_streams, create:log_streams, update:log_streams, delete:log_streams] }
  - { token: ${TOKEN_B}, tenant: globex, scopes: [ingest:logs, read:log_streams, create:log_streams, update:log_streams, delete:log_streams] }
egress: { allowHttp: true, allowPrivateNetworks: true }
log: { level: warn }
delivery:
${delivery}
streams:
${streamsYaml}`;
}

export const FAST_DELIVERY = `  attemptBackoff: { initial: 20ms, max: 100ms }
  roundBackoff: { initial: 200ms, multiplier: 2, max: 1s }`;

export async function startTestApp(
  yaml: string,
  clock?: Clock,
  dir = mkdtempSync(join(tmpdir(), 'outflow-e2e-')),
  more: Pick<StartOptions, 'configure'> = {},
): Promise<TestApp> {
  writeFileSync(join(dir, 'outflow.yaml'), yaml);
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const configure: StartOptions['configure'] = (container) => {
    container.register(Tokens.DnsLookup, { useValue: offlineLookup });
    if (clock) container.register(Tokens.Clock, { useValue: clock });
    more.configure?.(container);
  };
  const app = await startApp(loadConfigFile(join(dir, 'outflow.yaml')), { configure, logDestination: sink });
  return {
    ...app,
    dir,
    logs,
    api: (path, init = {}) =>
      fetch(`${app.url}${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${init.token ?? TOKEN}`,
          'content-type': 'application/json',
          ...(init.headers as Record<string, string> | undefined),
        },
      }),
    async stop() {
      await app.close(2000);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
