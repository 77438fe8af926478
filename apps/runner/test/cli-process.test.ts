// The `outflow` process: --version, flags over the config, one-line errors with their exit codes, did-you-mean, one-pass validation, stdout vs stderr.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TOKEN } from './support/app.js';
import { ingest, makeEvent } from './support/events.js';
import { MAIN, startLoggedRunner, type LoggedRunner } from './support/logged-runner.js';
import { eventually } from './support/wait.js';

function run(args: string[], main = MAIN): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [main, ...args], (error, out, err) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out, err }));
  });
}

function configFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'outflow-cli-process-'));
  const file = join(dir, 'outflow.yaml');
  writeFileSync(file, text);
  return file;
}

/** One line on stderr, no stack trace. */
function expectOneLine(err: string): void {
  expect(err.trim().split('\n')).toHaveLength(1);
  expect(err).not.toMatch(/\n\s+at /);
}

const STARTABLE = (port: number | string, level = 'info') => `server: { host: 127.0.0.1, port: ${port} }
store: { sqlite: { path: ./outflow.db } }
tokens: [ { token: ${TOKEN}, tenant: acme, scopes: [ingest:logs] } ]
log: { level: ${level} }
streams:
  - { name: out, type: console, tenant: acme, sink: { target: stdout } }
`;

let runner: LoggedRunner | undefined;
let blocker: Server | undefined;
afterEach(async () => {
  await runner?.stop();
  runner = undefined;
  await new Promise((r) => (blocker ? blocker.close(r) : r(undefined)));
  blocker = undefined;
});

/** A port held by another server on 127.0.0.1. */
async function busyPort(): Promise<number> {
  blocker = createServer();
  await new Promise<void>((r) => blocker!.listen(0, '127.0.0.1', () => r()));
  return (blocker.address() as { port: number }).port;
}

describe('outflow process and CLI errors', () => {
  it('prints the version', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const res = await run([flag]);
      expect(res).toMatchObject({ code: 0, err: '' });
      expect(res.out.trim()).toBe(`outflow ${version}`);
    }
  });

  it('refuses an unknown option in one line with the fix and exit code 2, suggesting the close one', async () => {
    const res = await run(['start', '--prot', '9000']);
    expect(res.code).toBe(2);
    expectOneLine(res.err);
    expect(res.err.trim()).toBe('Error: unknown option "--prot": did you mean --port? run "outflow --help" for the options');
    const bad = await run(['start', '--port', 'eighty']);
    expect(bad.code).toBe(2);
    expectOneLine(bad.err);
    expect(bad.err).toContain('--port must be a whole number from 0 to 65535, got "eighty"');
  });

  it('suggests the command meant by a mistyped one', async () => {
    for (const [typo, meant] of [
      ['strat', 'start'],
      ['valdate', 'validate'],
      ['relaod', 'reload'],
      ['stream', 'streams'],
    ]) {
      const res = await run([typo as string]);
      expect(res.code).toBe(2);
      expectOneLine(res.err);
      expect(res.err).toContain(`unknown command "${typo}": did you mean "outflow ${meant}"?`);
    }
    const far = await run(['frobnicate']);
    expect(far.code).toBe(2);
    expect(far.err).not.toContain('did you mean');
  });

  it('says in one line how to fix an unreadable config (exit 1)', async () => {
    const res = await run(['start', '--config', '/nonexistent/outflow.yaml']);
    expect(res.code).toBe(1);
    expectOneLine(res.err);
    expect(res.err).toMatch(/^Cannot read the configuration file \/nonexistent\/outflow\.yaml \(ENOENT\): pass --config FILE/);
    const folder = await run(['validate', '--config', tmpdir()]);
    expect(folder.code).toBe(1);
    expect(folder.err).toMatch(/\(EISDIR\): pass the path of the file, not of its folder/);
  });

  it('says a busy port in one line naming the setting and flag (exit 3), before any worker starts', async () => {
    const port = await busyPort();
    const file = configFile(STARTABLE(port));
    const res = await run(['start', '--config', file]);
    expect(res.code).toBe(3);
    expect(res.err).toContain(`Error: port ${port} is in use: set server.port or --port\n`);
    expect(res.err).not.toContain('The delivery supervisor started.');
    expect(res.err).not.toMatch(/\n\s+at /);
    expect(res.out).toBe('');
  });

  it('says in one line that the build is missing (exit 4)', async () => {
    // The entry point alone, without the modules it loads: what a partial or missing build looks like.
    const dist = join(mkdtempSync(join(tmpdir(), 'outflow-nobuild-')), 'dist');
    mkdirSync(dist);
    copyFileSync(MAIN, join(dist, 'main.js'));
    writeFileSync(join(dist, '..', 'package.json'), '{"type":"module","version":"0.0.0"}');
    const res = await run(['validate'], join(dist, 'main.js'));
    expect(res.code).toBe(4);
    expectOneLine(res.err);
    expect(res.err).toMatch(/^Error: outflow is not built \(cannot load .+\): run "npx -y pnpm@10 install && npx -y pnpm@10 build"/);
  });

  it('validate reports schema and connector errors of every stream in one pass', async () => {
    const file = configFile(`server: { port: "eighty" }
surprise: 1
streams:
  - { name: a, type: http, sink: { httpEndpoint: "http://x.example.com/" }, filters: [ { type: category, name: nope } ] }
  - { name: b, type: http, sink: { httpEndpoint: "https://ok.example.com/", httpContentFormat: XML } }
  - { name: c, type: pagerduty }
`);
    const res = await run(['validate', '--config', file]);
    expect(res.code).toBe(1);
    for (const path of [
      'server.port:',
      '(root): unknown field "surprise"',
      'streams[0].filters[0].name:',
      'streams[0].sink.httpEndpoint: Plain http://',
      'streams[1].sink.httpContentFormat:',
      'streams[2].type: stream type "pagerduty" is not installed',
    ]) {
      expect(res.err).toContain(path);
    }
  });

  it('--port, --host and --log-level override the config; logs go to stderr and console events to stdout', async () => {
    const port = await busyPort();
    const file = configFile(STARTABLE(port, 'warn'));
    runner = await startLoggedRunner(file, ['--port', '0', '--host', '127.0.0.1', '--log-level', 'debug']);
    expect(runner.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(runner.url).not.toBe(`http://127.0.0.1:${port}`);
    const events = Array.from({ length: 3 }, () => makeEvent());
    expect((await ingest(runner.url, TOKEN, events)).status).toBe(202);
    await eventually(() => events.every((e) => runner!.stdout().includes(e.log_id as string)), 20_000, 'The console stream did not print the events.');
    await runner.waitForLog(/"level":20,/);
    // stdout: only the console stream's events; stderr: the banner and the JSON log lines.
    const lines = runner.stdout().trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { log_id: string }).log_id)).toEqual(events.map((e) => e.log_id));
    expect(runner.stderr()).toContain('The delivery supervisor started.');
    expect(runner.stderr()).toContain('Outflow is running at');
    expect(await runner.stop()).toBe(0);
  });
});
