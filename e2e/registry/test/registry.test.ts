// Distribution end to end: every package published to a local verdaccio, then, in a folder outside the repository, the runner
// installed with npm -g delivers events, a connector package installs into the plugin folder, and a connector scaffolded as
// docs/writing-a-connector.md says (its marked command blocks are run as written) builds, passes conformance, publishes, installs and delivers.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docBlocks } from './support/doc-blocks.js';
import { manifestProblems, packWorkspace, publishAll, type PackedPackage } from './support/publish.js';
import { startReceiver, type Receiver } from './support/receiver.js';
import { freePort, startRegistry, type Registry } from './support/registry.js';
import { run, runScript, waitFor } from './support/run.js';
import { startRunner, type RunnerProcess } from './support/runner.js';
import { cleanEnv, createSandbox, machineNpmConfig, type Sandbox } from './support/sandbox.js';

const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const DOC = join(REPO, 'docs', 'writing-a-connector.md');
const TOKEN = 'e2e-token-0123456789abcdef';
const timings: Array<[string, number]> = [];

async function timed<T>(label: string, step: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await step();
  } finally {
    const ms = Math.round(performance.now() - started);
    timings.push([label, ms]);
    process.stdout.write(`[e2e-registry] ${label}: ${(ms / 1000).toFixed(1)} s\n`);
  }
}

let root: string;
let registry: Registry;
let sandbox: Sandbox;
let receiver: Receiver;
let runner: RunnerProcess | undefined;
let site: string;
let configFile: string;
let runnerUrl: string;
let packages: PackedPackage[];
const started = performance.now();

function workspaceNames(): Set<string> {
  const names = new Set<string>();
  for (const group of ['apps', 'packages', 'connectors', 'tooling', 'e2e']) {
    for (const dir of readdirSync(join(REPO, group))) {
      const file = join(REPO, group, dir, 'package.json');
      if (existsSync(file)) names.add((JSON.parse(readFileSync(file, 'utf8')) as { name: string }).name);
    }
  }
  return names;
}

async function ingest(events: Array<Record<string, unknown>>): Promise<void> {
  const res = await fetch(`${runnerUrl}/v1/logs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(events),
  });
  expect(res.status, await res.clone().text()).toBe(202);
}

const events = (marker: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ type: 's', description: 'Success Login', user_name: `${marker}-${i}@example.com` }));
const delivered = (path: string, marker: string) => receiver.lines(path).filter((l) => l.includes(marker)).length;

beforeAll(async () => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'outflow-e2e-registry-')));
  const env = cleanEnv();
  const uplink = (await run('npm', ['config', 'get', 'registry'], { cwd: root, env })).stdout.trim();
  const machine = await machineNpmConfig(root, env);
  registry = await timed('verdaccio start and uplink check', () =>
    startRegistry(join(root, 'registry'), uplink, { proxy: machine['https-proxy'] ?? machine.proxy, ca: machine.cafile }),
  );
  sandbox = createSandbox(join(root, 'machine'), registry, machine);
  receiver = await startReceiver();
  site = join(sandbox.root, 'site');
  mkdirSync(site, { recursive: true });
  configFile = join(site, 'outflow.yaml');
  runnerUrl = `http://127.0.0.1:${await freePort()}`;
});

afterAll(async () => {
  await timed('stop the runner and the registry', async () => {
    await runner?.stop();
    await receiver?.close();
    await registry?.close();
  });
  // Tens of thousands of files: removed in the background so the run does not wait for the disk.
  if (root) spawn('rm', ['-rf', root], { detached: true, stdio: 'ignore' }).unref();
  const total = Math.round(performance.now() - started);
  process.stdout.write(
    `[e2e-registry] timings:\n${[...timings, ['total', total] as [string, number]].map(([l, ms]) => `  ${l.padEnd(52)} ${(ms / 1000).toFixed(1)} s`).join('\n')}\n`,
  );
});

describe.sequential('distribution through a registry', () => {
  it('packs every package without workspace: or catalog: ranges and publishes them', async () => {
    packages = await timed('pnpm pack (all packages)', () => packWorkspace(REPO, join(root, 'packs'), cleanEnv()));
    expect(packages.map((p) => p.name)).toEqual(
      expect.arrayContaining(['@outflow/runner', '@outflow/core', '@outflow/connector-http', '@outflow/connector-testkit', 'create-outflow-connector']),
    );
    expect(manifestProblems(packages, workspaceNames())).toEqual([]);
    const runnerPkg = packages.find((p) => p.name === '@outflow/runner')!.manifest;
    expect(runnerPkg.bin).toEqual({ outflow: './dist/main.js' });
    await timed(`npm publish (${packages.length} packages)`, () => publishAll(packages, sandbox.root, sandbox.env));
  });

  it('npm install -g installs the runner, and outflow start delivers events to an http stream', async () => {
    const install = await timed('npm install -g @outflow/runner', () =>
      run('npm', ['install', '-g', '@outflow/runner'], { cwd: sandbox.root, env: sandbox.env, timeoutMs: 600_000 }),
    );
    expect(install.code).toBe(0);
    expect((await run('outflow', ['--help'], { cwd: site, env: sandbox.env })).stdout).toContain('Usage: outflow <command>');
    const port = new URL(runnerUrl).port;
    writeFileSync(
      configFile,
      `# The e2e runner: one http stream to a receiver on 127.0.0.1.
server: { host: 127.0.0.1, port: ${port} }
store: { sqlite: { path: ./data/outflow.db } }
tokens:
  - { token: ${TOKEN}, tenant: default, scopes: [ingest:logs, read:log_streams, create:log_streams, update:log_streams] }
egress: { allowHttp: true, allowPrivateNetworks: true }   # the receiver is http://127.0.0.1
connectors: ['@outflow/connector-http']   # only the webhook until more are installed
streams:
  - name: hook
    type: http
    sink: { httpEndpoint: '${receiver.url}/hook', httpContentFormat: JSONLINES, httpAuthorization: 'Bearer sink-secret' }
`,
    );
    runner = await timed('outflow start (first)', () => startRunner(configFile, runnerUrl, site, sandbox.env));
    // As a browser asks for it: the dashboard's page is served to Accept: text/html only (other clients get 404).
    const page = await fetch(`${runnerUrl}/`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<title>Outflow<\/title>[\s\S]*<script type="module"[^>]* src="\/assets\/index-[\w-]+\.js"/);
    await ingest(events('first', 3));
    await timed('first events delivered', () => waitFor('3 events at /hook', () => (delivered('/hook', 'first-') >= 3 ? true : undefined), 30_000));
    expect(delivered('/hook', 'first-')).toBe(3);
    expect(receiver.requests.find((r) => r.path === '/hook' && r.method === 'POST')?.headers.authorization).toBe('Bearer sink-secret');
    await runner.stop();
    runner = undefined;
  });

  it('outflow connectors install puts a published connector in outflow-plugins and in the config', async () => {
    const r = await timed('outflow connectors install @outflow/connector-console', () =>
      run('outflow', ['connectors', 'install', '@outflow/connector-console', '--config', configFile], { cwd: site, env: sandbox.env, timeoutMs: 300_000 }),
    );
    expect(r.stdout).toContain('Installed @outflow/connector-console@0.1.0 (connector type "console")');
    expect(existsSync(join(site, 'outflow-plugins', 'node_modules', '@outflow', 'connector-console', 'package.json'))).toBe(true);
    const config = readFileSync(configFile, 'utf8');
    expect(config).toContain("connectors: [ '@outflow/connector-http', '@outflow/connector-console' ] # only the webhook");
    expect(config).toContain('# the receiver is http://127.0.0.1');
    const missing = await run('outflow', ['connectors', 'install', '@outflow/connector-nope', '--config', configFile], {
      cwd: site,
      env: sandbox.env,
      allowFailure: true,
    });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Package @outflow/connector-nope was not found in the npm registry');
  });

  it('a connector scaffolded outside the repo as the tutorial says builds, passes conformance, publishes, installs and delivers', async () => {
    const blocks = docBlocks(DOC);
    for (const name of ['scaffold', 'publish', 'install'])
      expect(blocks.has(name), `docs/writing-a-connector.md has a block marked <!-- e2e: ${name} -->`).toBe(true);
    const work = join(sandbox.root, 'work');
    mkdirSync(work, { recursive: true });
    const scaffold = await timed('tutorial: scaffold, npm install, build, test', () =>
      runScript(blocks.get('scaffold')!, { cwd: work, env: sandbox.env, timeoutMs: 600_000 }),
    );
    expect(scaffold.stdout.replace(/\x1b\[[0-9;]*m/g, '')).toMatch(/Tests\s+\d+ passed \(\d+\)/);
    const pkgDir = join(work, 'outflow-connector-acme');
    expect(existsSync(join(pkgDir, 'dist', 'index.js'))).toBe(true);
    // A scoped name from the installed runner's generator passes the same suite (same dependencies, so acme's node_modules serve).
    await timed('outflow connectors new (scoped), build, test', async () => {
      const made = await run('outflow', ['connectors', 'new', '@e2e/outflow-connector-beta-logs', '--into', work], { cwd: work, env: sandbox.env });
      expect(made.stdout).toContain('package @e2e/outflow-connector-beta-logs, connector type beta-logs, export betaLogsConnector');
      const beta = join(work, 'outflow-connector-beta-logs');
      symlinkSync(join(pkgDir, 'node_modules'), join(beta, 'node_modules'), 'dir');
      await run('npm', ['run', 'build'], { cwd: beta, env: sandbox.env });
      const test = await run('npm', ['test'], { cwd: beta, env: sandbox.env, timeoutMs: 120_000 });
      expect(test.stdout.replace(/\x1b\[[0-9;]*m/g, '')).toMatch(/Tests\s+\d+ passed \(\d+\)/);
    });
    await timed('tutorial: npm publish', () => runScript(blocks.get('publish')!, { cwd: pkgDir, env: sandbox.env, timeoutMs: 120_000 }));
    const install = await timed('tutorial: outflow connectors install', () =>
      runScript(blocks.get('install')!, { cwd: site, env: sandbox.env, timeoutMs: 300_000 }),
    );
    expect(install.stdout).toContain('Installed outflow-connector-acme@0.1.0 (connector type "acme")');
    expect(install.stdout).toMatch(/^acme\s+Acme\s+outflow-connector-acme$/m);
    expect(readFileSync(configFile, 'utf8')).toMatch(
      /connectors: \[ '@outflow\/connector-http', '@outflow\/connector-console', outflow-connector-acme \] # only the webhook/,
    );

    runner = await timed('outflow start (with the new connector)', () => startRunner(configFile, runnerUrl, site, sandbox.env));
    const created = await fetch(`${runnerUrl}/api/v2/log-streams`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'acme', type: 'acme', sink: { endpoint: `${receiver.url}/acme`, apiKey: 'acme-key-0123456789' } }),
    });
    expect(created.status, await created.clone().text()).toBe(200);
    await ingest(events('second', 4));
    await timed('events delivered through the scaffolded connector', () =>
      waitFor('4 events at /acme', () => (delivered('/acme', 'second-') >= 4 ? true : undefined), 30_000),
    );
    expect(delivered('/acme', 'second-')).toBe(4);
    const acmePost = receiver.requests.find((r) => r.path === '/acme' && r.method === 'POST')!;
    expect(acmePost.headers['x-api-key']).toBe('acme-key-0123456789');
    expect(acmePost.headers['content-type']).toBe('application/x-ndjson');
    await waitFor('the second events at /hook too', () => (delivered('/hook', 'second-') >= 4 ? true : undefined), 30_000);
  });
});
