// Config reload on a real runner process: SIGHUP and `outflow reload` add, change and remove streams, tokens, rate limits and the log level; nothing is lost.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FAST_DELIVERY, TOKEN } from './support/app.js';
import { ingest, makeEvent } from './support/events.js';
import { countOf, MAIN, startLoggedRunner, type LoggedRunner } from './support/logged-runner.js';
import { startReceiver, type Receiver } from './support/receiver.js';
import { eventually } from './support/wait.js';

const NEW_TOKEN = 'reloaded-token-456';

function config(rx: string, o: { streams: string; level?: string; extraToken?: boolean; rateLimit?: string }): string {
  return `server: { host: 127.0.0.1, port: 0${o.rateLimit ? `, rateLimit: ${o.rateLimit}` : ''} }
store: { sqlite: { path: ./outflow.db } }
tokens:
  - { token: ${TOKEN}, tenant: acme, scopes: [ingest:logs, read:log_streams] }
${o.extraToken ? `  - { token: ${NEW_TOKEN}, tenant: acme, scopes: [read:log_streams] }\n` : ''}egress: { allowHttp: true, allowPrivateNetworks: true }
log: { level: ${o.level ?? 'info'} }
delivery:
${FAST_DELIVERY}
streams:
${o.streams
  .split(',')
  .map((s) => {
    const [name, path] = s.split('=') as [string, string];
    return `  - { name: ${name}, type: http, tenant: acme, sink: { httpEndpoint: "${rx}/${path}", httpContentFormat: JSONLINES } }`;
  })
  .join('\n')}
`;
}

/** Sends batches of 20 events until stopped; keeps the log_ids of every accepted batch. */
function trickle(url: string): { acked: string[]; stop(): Promise<void> } {
  const acked: string[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const events = Array.from({ length: 20 }, () => makeEvent());
      const res = await ingest(url, TOKEN, events);
      if (res.status === 202) acked.push(...events.map((e) => e.log_id as string));
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  return {
    acked,
    async stop() {
      stopped = true;
      await loop;
    },
  };
}

const idsAt = (rx: Receiver, ...paths: string[]) => new Set(rx.accepted.filter((r) => paths.includes(r.path)).flatMap((r) => r.envelopes.map((e) => e.log_id)));

let runner: LoggedRunner | undefined;
let rx: Receiver | undefined;
afterEach(async () => {
  await runner?.stop();
  await rx?.close();
  runner = undefined;
  rx = undefined;
});

describe('config reload', () => {
  it('SIGHUP adds, changes and removes config streams while another stream keeps delivering, losing nothing', async () => {
    rx = await startReceiver();
    const dir = mkdtempSync(join(tmpdir(), 'outflow-reload-'));
    const file = join(dir, 'outflow.yaml');
    writeFileSync(file, config(rx.url, { streams: 'keep=keep,change=change-v1,gone=gone' }));
    runner = await startLoggedRunner(file);
    const load = trickle(runner.url);
    await eventually(() => idsAt(rx!, '/keep').size >= 100 && idsAt(rx!, '/gone').size >= 100, 30_000, 'The streams did not deliver before the reload.');

    writeFileSync(file, config(rx.url, { streams: 'keep=keep,change=change-v2,added=added' }));
    runner.proc.kill('SIGHUP');
    await runner.waitForLog(/"created":1,"updated":1,"removed":1,.*"msg":"The config file was reloaded\."/);
    const goneAfterReload = rx.accepted.filter((r) => r.path === '/gone').length;
    await eventually(() => idsAt(rx!, '/added').size >= 100 && idsAt(rx!, '/change-v2').size >= 100, 30_000, 'The reloaded streams did not deliver.');
    await load.stop();

    // Every acknowledged event reached the untouched stream, and the changed stream (old and new sink together): nothing lost.
    await eventually(() => load.acked.every((id) => idsAt(rx!, '/keep').has(id)), 30_000, 'The kept stream lost events.');
    await eventually(() => load.acked.every((id) => idsAt(rx!, '/change-v1', '/change-v2').has(id)), 30_000, 'The changed stream lost events.');
    expect(rx.accepted.filter((r) => r.path === '/gone').length).toBe(goneAfterReload);
    expect(runner.proc.exitCode).toBeNull();
    expect(runner.stderr()).not.toMatch(/"level":50/);
    expect(await runner.stop()).toBe(0);
  });

  it('an invalid file keeps the running config and logs each error by its path', async () => {
    rx = await startReceiver();
    const dir = mkdtempSync(join(tmpdir(), 'outflow-reload-'));
    const file = join(dir, 'outflow.yaml');
    writeFileSync(file, config(rx.url, { streams: 'keep=keep' }));
    runner = await startLoggedRunner(file);

    writeFileSync(
      file,
      `${config(rx.url, { streams: 'keep=elsewhere' }).replace('port: 0', 'port: "eighty"')}  - { name: bad, type: http, tenant: acme, sink: { httpEndpoint: "ftp://x" } }\n`,
    );
    runner.proc.kill('SIGHUP');
    await runner.waitForLog(/The config file is invalid: the running config is kept\./);
    const log = runner.stderr();
    expect(log).toMatch(/"path":"server\.port".*The reloaded config file has an invalid field\./);
    expect(log).toMatch(/"path":"streams\[1\]\.sink\.httpEndpoint"/);
    expect(log).not.toMatch(/The config file was reloaded\./);

    // Still the old stream, to the old sink.
    const events = Array.from({ length: 5 }, () => makeEvent());
    expect((await ingest(runner.url, TOKEN, events)).status).toBe(202);
    await eventually(() => events.every((e) => idsAt(rx!, '/keep').has(e.log_id as string)), 20_000, 'The old config stopped delivering.');
    expect(rx.accepted.some((r) => r.path === '/elsewhere')).toBe(false);
    const list = (await (await fetch(`${runner.url}/api/v2/log-streams`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as Array<{ name: string }>;
    expect(list.map((s) => s.name)).toEqual(['keep']);
    expect(runner.proc.exitCode).toBeNull();
  });

  it('`outflow reload` applies tokens, rate limits and the log level, and refuses an invalid file without signalling', async () => {
    rx = await startReceiver();
    const dir = mkdtempSync(join(tmpdir(), 'outflow-reload-'));
    const file = join(dir, 'outflow.yaml');
    writeFileSync(file, config(rx.url, { streams: 'keep=keep' }));
    runner = await startLoggedRunner(file);
    const list = (token: string) => fetch(`${runner!.url}/api/v2/log-streams`, { headers: { authorization: `Bearer ${token}` } });
    expect((await list(NEW_TOKEN)).status).toBe(401);

    writeFileSync(
      file,
      config(rx.url, { streams: 'keep=keep', level: 'debug', extraToken: true, rateLimit: '{ management: { requestsPerMinute: 60, burst: 2 } }' }),
    );
    const ok = await cli(['reload', '--config', file]);
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/Sent SIGHUP to the runner \(pid \d+\)/);
    await runner.waitForLog(/"tokens":2,"logLevel":"debug","msg":"The config file was reloaded\."/);
    expect((await list(NEW_TOKEN)).status).toBe(200);
    expect((await list(NEW_TOKEN)).status).toBe(200);
    expect((await list(NEW_TOKEN)).status).toBe(429);
    // Debug lines now appear (a delivered batch is logged at debug).
    expect((await ingest(runner.url, TOKEN, [makeEvent()])).status).toBe(202);
    await runner.waitForLog(/"level":20,/);

    writeFileSync(file, 'server: { port: -1 }\nsurprise: true\n');
    const bad = await cli(['reload', '--config', file]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('server.port');
    expect(bad.err).toContain('unknown field "surprise"');
    expect(bad.err).not.toMatch(/\n\s+at /);
    expect(countOf(runner.stderr(), /Reloading the config file\./)).toBe(1);
  });
});

function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [MAIN, ...args], (error, out, err) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out, err }));
  });
}
