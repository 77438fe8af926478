// egress.proxy and the proxy environment: streams' requests go through a real CONNECT proxy on 127.0.0.1 unless
// noProxy / NO_PROXY names the host, and the proxy's credentials never show in logs or health.
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { configStreamId, parseConfigText } from '../src/index.js';
import { baseConfig, TOKEN, type TestApp } from './support/app.js';
import { ingest, makeEvent } from './support/events.js';
import { startProxy, type TestProxy } from './support/proxy.js';
import type { Receiver } from './support/receiver.js';
import { useTestApp } from './support/use-test-app.js';
import { eventually, readUntil } from './support/wait.js';

const PROXY_SECRET = 'px-pass-5c1e7d';
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

/** An https destination whose certificate the runner does not trust: a connection reaching it is all it shows. */
interface TlsDestination {
  port: number;
  connections: () => number;
  close(): Promise<void>;
}

async function tlsDestination(): Promise<TlsDestination> {
  let connections = 0;
  const server: Server = createHttpsServer({ cert: fixture('server.pem'), key: fixture('server-key.pem') }, (_req, res) => res.end());
  server.on('connection', () => connections++);
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => connections,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

const t = useTestApp();
const ENV = ['HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY', 'https_proxy', 'http_proxy', 'no_proxy'] as const;
const savedEnv = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));
afterEach(() => {
  for (const k of ENV) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
});

const streams = (httpUrl: string, tlsPort: number) =>
  `  - { name: plain, type: http, tenant: acme, sink: { httpEndpoint: "${httpUrl}/plain", httpContentFormat: JSONLINES } }\n` +
  `  - { name: tls, type: http, tenant: acme, sink: { httpEndpoint: "https://127.0.0.1:${tlsPort}/tls", httpContentFormat: JSONLINES } }\n`;

const withEgress = (yaml: string, extra: string) =>
  yaml.replace('egress: { allowHttp: true, allowPrivateNetworks: true }', `egress: { allowHttp: true, allowPrivateNetworks: true${extra} }`);

async function start(extra = ''): Promise<{ app: TestApp; rx: Receiver; proxy: TestProxy; tls: TlsDestination }> {
  const rx = await t.receiver();
  const proxy = t.closeAfter(await startProxy());
  const tls = t.closeAfter(await tlsDestination());
  const withCredentials = proxy.url.replace('http://', `http://outflow:${PROXY_SECRET}@`);
  const app = await t.start(withEgress(baseConfig(streams(rx.url, tls.port)), extra.replace('PROXY', withCredentials)));
  expect((await ingest(app.url, TOKEN, [makeEvent(), makeEvent()])).status).toBe(202);
  return { app, rx, proxy, tls };
}

/** Health messages of the https stream once one says why its delivery failed. */
async function tlsFailures(a: TestApp): Promise<string[]> {
  const id = configStreamId('acme', 'tls');
  const records = await readUntil(
    () => a.store.health.list(id),
    (list) => list.some((r) => r.kind === 'delivery_failed'),
  );
  return records.filter((r) => r.kind === 'delivery_failed').map((r) => r.message ?? '');
}

describe('egress.proxy', () => {
  it('is read from the config file, and a bad one is refused without echoing it', () => {
    const config = parseConfigText(`egress: { proxy: { url: "http://u:\${PX}@proxy.internal:3128", noProxy: [internal.example] } }`, { PX: PROXY_SECRET });
    expect(config.egress.proxy).toEqual({ url: `http://u:${PROXY_SECRET}@proxy.internal:3128`, noProxy: ['internal.example'] });
    let refused: unknown;
    try {
      parseConfigText(`egress: { proxy: { url: "socks5://u:${PROXY_SECRET}@proxy.internal:1080" } }`);
    } catch (err) {
      refused = err;
    }
    expect(JSON.stringify({ message: (refused as Error).message, issues: (refused as { issues?: unknown }).issues })).toMatch(
      /egress\.proxy\.url.*http:\/\/ or https:\/\//,
    );
    expect(JSON.stringify(refused) + String(refused)).not.toContain(PROXY_SECRET);
  });

  it('sends https deliveries through the proxy (CONNECT) and http ones as absolute URIs, with its credentials, which never show', async () => {
    const { app, rx, proxy, tls } = await start(', proxy: { url: "PROXY" }');
    await rx.waitFor(() => rx.uniqueIds().size === 2);
    const failures = await tlsFailures(app);
    expect(proxy.seen).toContain(`CONNECT 127.0.0.1:${tls.port}`);
    expect(proxy.seen).toContain(`POST ${rx.url}/plain`);
    expect(new Set(proxy.auth)).toEqual(new Set([`Basic ${Buffer.from(`outflow:${PROXY_SECRET}`).toString('base64')}`]));
    // The tunnel reached the destination, whose certificate the runner does not trust.
    expect(tls.connections()).toBeGreaterThan(0);
    expect(failures.join(' ')).toMatch(/certificate/);
    const health = JSON.stringify(await (await app.api(`/api/v2/log-streams/${configStreamId('acme', 'tls')}/health`)).json());
    for (const text of [app.logs.join(''), failures.join(' '), health]) expect(text).not.toContain(PROXY_SECRET);
  }, 30_000);

  it('connects directly to the hosts noProxy names', async () => {
    const { app, rx, proxy, tls } = await start(', proxy: { url: "PROXY", noProxy: [127.0.0.1] }');
    await rx.waitFor(() => rx.uniqueIds().size === 2);
    await tlsFailures(app);
    expect(tls.connections()).toBeGreaterThan(0);
    expect(proxy.seen).toEqual([]);
  }, 30_000);
});

describe('the proxy environment (no egress.proxy)', () => {
  it('goes through HTTPS_PROXY / HTTP_PROXY, and directly to the hosts NO_PROXY names', async () => {
    const viaEnv = t.closeAfter(await startProxy());
    process.env.HTTPS_PROXY = process.env.HTTP_PROXY = viaEnv.url;
    delete process.env.NO_PROXY;
    delete process.env.no_proxy;
    const rx = await t.receiver();
    const tls = t.closeAfter(await tlsDestination());
    const first = await t.start(baseConfig(streams(rx.url, tls.port)));
    expect((await ingest(first.url, TOKEN, [makeEvent()])).status).toBe(202);
    await rx.waitFor(() => rx.uniqueIds().size === 1);
    await tlsFailures(first);
    expect(viaEnv.seen).toContain(`CONNECT 127.0.0.1:${tls.port}`);
    expect(viaEnv.seen).toContain(`POST ${rx.url}/plain`);
    await first.stop();

    process.env.NO_PROXY = '127.0.0.1';
    const before = viaEnv.seen.length;
    const second = await t.start(baseConfig(streams(rx.url, tls.port)));
    expect((await ingest(second.url, TOKEN, [makeEvent()])).status).toBe(202);
    await rx.waitFor(() => rx.uniqueIds().size === 2);
    await eventually(() => rx.requests.length >= 2);
    expect(viaEnv.seen.slice(before)).toEqual([]);
  }, 30_000);
});
