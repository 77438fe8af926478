// outflow connectors install/list: npm into outflow-plugins beside the config, the loader finds it there, the YAML keeps its comments, and failures name what is wrong.
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyBuiltCore } from '@outflow/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addConnectorToConfig } from '../src/cli/config-connectors.js';
import { runConnectorsCli } from '../src/cli/connectors-command.js';
import { packageNameOf } from '../src/cli/connectors-install.js';
import { builtinConnectors } from '../src/loading/builtin.js';
import { definitionModule, manifest, writePackage } from './support/connector-package.js';

const BUILTINS = Object.keys(builtinConnectors);
const CONFIG = `# Outflow config for the test.
server: { host: 127.0.0.1, port: 0 }   # any free port
store: { sqlite: { path: ./data/outflow.db } }
tokens:
  - { token: dev-token, tenant: default, scopes: [ingest:logs] }
streams: []   # none yet
`;

describe('addConnectorToConfig', () => {
  it('starts the list with the built-ins, before streams:, keeping comments and flow style', () => {
    const { text, change } = addConnectorToConfig(CONFIG, 'outflow-connector-acme', BUILTINS, 'outflow.yaml');
    expect(change).toBe('added');
    expect(text).toContain('# Outflow config for the test.');
    expect(text).toContain('server: { host: 127.0.0.1, port: 0 } # any free port');
    expect(text).toContain('streams: [] # none yet');
    expect(text.indexOf('connectors:')).toBeLessThan(text.indexOf('streams:'));
    expect(text).toMatch(/connectors:\n(  - '@outflow\/connector-[a-z]+'\n){8}  - outflow-connector-acme\n/);
  });

  it('appends to a list that exists, once, and leaves a built-in alone when there is no list', () => {
    const flow = `connectors: ['@outflow/connector-http'] # mine\nstreams: []\n`;
    const added = addConnectorToConfig(flow, '@acme/outflow-connector-foo', BUILTINS, 'outflow.yaml');
    expect(added.text).toBe(`connectors: [ '@outflow/connector-http', '@acme/outflow-connector-foo' ] # mine\nstreams: []\n`);
    expect(addConnectorToConfig(added.text, '@acme/outflow-connector-foo', BUILTINS, 'outflow.yaml').change).toBe('already-listed');
    expect(addConnectorToConfig(CONFIG, '@outflow/connector-console', BUILTINS, 'outflow.yaml')).toEqual({ text: CONFIG, change: 'built-in' });
    expect(() => addConnectorToConfig('connectors: acme\n', 'x', BUILTINS, 'outflow.yaml')).toThrow(/connectors: in outflow\.yaml is not a list/);
  });
});

describe('packageNameOf', () => {
  it('reads registry specs and gives up on paths', () => {
    expect(packageNameOf('outflow-connector-acme')).toBe('outflow-connector-acme');
    expect(packageNameOf('outflow-connector-acme@^1.2.0')).toBe('outflow-connector-acme');
    expect(packageNameOf('@acme/outflow-connector-foo@next')).toBe('@acme/outflow-connector-foo');
    expect(packageNameOf('./connectors/acme')).toBeUndefined();
    expect(packageNameOf('/abs/path')).toBeUndefined();
  });
});

describe('outflow connectors install (npm into the plugin folder)', () => {
  let root: string;
  let configFile: string;
  let registry: Server;
  let env: Record<string, string | undefined>;

  const run = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runConnectorsCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), color: false, env });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const pluginDeps = () =>
    (JSON.parse(readFileSync(join(root, 'deploy', 'outflow-plugins', 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies;

  beforeAll(async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'outflow-connectors-install-')));
    copyBuiltCore(root);
    mkdirSync(join(root, 'deploy'));
    configFile = join(root, 'deploy', 'outflow.yaml');
    writeFileSync(configFile, CONFIG);
    writePackage(join(root, 'src', 'acme'), {
      pkg: { name: 'outflow-connector-acme', exports: { '.': { import: './index.mjs' } }, ...manifest('acme', 'acmeConnector') },
      files: { 'index.mjs': definitionModule('acme', 'acmeConnector') },
    });
    writePackage(join(root, 'src', 'not-a-connector'), {
      pkg: { name: 'left-pad-ish', exports: './index.mjs' },
      files: { 'index.mjs': 'export const pad = 1;\n' },
    });
    writePackage(join(root, 'src', 'future'), {
      pkg: { name: 'outflow-connector-future', exports: './index.mjs', ...manifest('future', 'futureConnector', 99) },
      files: { 'index.mjs': definitionModule('future', 'futureConnector') },
    });
    // A registry on 127.0.0.1 that knows no package: npm's E404 without reaching the internet.
    registry = createServer((_req, res) => res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not found"}'));
    await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
    const cache = join(root, 'npm-cache');
    env = {
      ...process.env,
      npm_config_registry: `http://127.0.0.1:${(registry.address() as AddressInfo).port}/`,
      npm_config_cache: cache,
      npm_config_update_notifier: 'false',
      npm_config_fetch_retries: '0',
    };
  });

  afterAll(async () => {
    await new Promise((resolve) => registry.close(resolve));
    rmSync(root, { recursive: true, force: true });
  });

  it('installs a connector into outflow-plugins, lists it in the config, and the runner loads it from there', async () => {
    const r = await run('install', join(root, 'src', 'acme'), '--config', configFile);
    expect(r.err).not.toMatch(/Error/);
    expect(r.out).toContain('Installed outflow-connector-acme@1.0.0 (connector type "acme")');
    expect(r.code).toBe(0);
    expect(Object.keys(pluginDeps())).toEqual(['outflow-connector-acme']);
    const config = readFileSync(configFile, 'utf8');
    expect(config).toContain('# Outflow config for the test.');
    expect(config).toContain('  - outflow-connector-acme\n');
    const list = await run('list', '--config', configFile);
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/^acme\s+Fixture acme\s+outflow-connector-acme$/m);
    expect(list.out).toMatch(/^http\s+/m);
  });

  it('refuses a package without an outflowConnector manifest and removes it again', async () => {
    const r = await run('install', join(root, 'src', 'not-a-connector'), '--config', configFile);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Package left-pad-ish has no package.json "outflowConnector" manifest');
    expect(r.err).toContain('it is not an Outflow connector');
    expect(pluginDeps()['left-pad-ish']).toBeUndefined();
    expect(readFileSync(configFile, 'utf8')).not.toContain('left-pad-ish');
  });

  it('refuses a connector for another API version, naming both versions', async () => {
    const r = await run('install', join(root, 'src', 'future'), '--config', configFile);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/outflow-connector-future targets connector API version 99 .* this runner supports 1/);
  });

  it('names a package the registry does not have', async () => {
    const r = await run('install', 'outflow-connector-nowhere@1.0.0', '--config', configFile);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Package outflow-connector-nowhere@1\.0\.0 was not found in the npm registry \(http:\/\/127\.0\.0\.1:\d+\/\)/);
  });

  it('connectors new scaffolds a standalone package with the shared generator', async () => {
    const r = await run('new', '@corp/outflow-connector-acme-logs', '--into', join(root, 'work'));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const pkg = JSON.parse(readFileSync(join(root, 'work', 'outflow-connector-acme-logs', 'package.json'), 'utf8')) as {
      name: string;
      outflowConnector: unknown;
    };
    expect(pkg.name).toBe('@corp/outflow-connector-acme-logs');
    expect(pkg.outflowConnector).toEqual({ type: 'acme-logs', apiVersion: 1, export: 'acmeLogsConnector' });
    expect((await run('new')).code).toBe(2);
  });

  it('needs a package and a readable config', async () => {
    expect((await run('install', '--config', configFile)).code).toBe(2);
    const missing = await run('install', 'x', '--config', join(root, 'nope.yaml'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Cannot read the configuration file');
  });
});
