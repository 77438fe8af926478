// The connector loader: ESM "exports" for package names and paths, "main" for paths, and clear errors for API versions and unbranded definitions.
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyBuiltCore } from '@outflow/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConnectors } from '../src/loading/package-loader.js';
import { definitionModule, manifest, writePackage } from './support/connector-package.js';

let root: string;
let configDir: string;

/** The one issue message of a failed load (the loader reports all problems in one ConfigError). */
async function loadError(spec: string): Promise<string> {
  try {
    await loadConnectors([spec], configDir);
  } catch (err) {
    const issues = (err as { issues?: Array<{ path: string; message: string }> }).issues ?? [];
    expect(issues.map((i) => i.path)).toEqual(['connectors[0]']);
    return issues[0]?.message ?? '';
  }
  throw new Error(`${spec} loaded, but it should not.`);
}

beforeAll(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'outflow-loader-')));
  copyBuiltCore(root);
  // The config sits two folders down: packages are found in node_modules of a parent folder.
  configDir = join(root, 'deploy', 'prod');
  mkdirSync(configDir, { recursive: true });
  const nm = join(root, 'node_modules');
  writePackage(join(nm, 'outflow-connector-esm'), {
    pkg: { name: 'outflow-connector-esm', exports: { '.': { types: './lib/index.d.ts', import: './lib/index.mjs' } }, ...manifest('esm', 'esmConnector') },
    files: { 'lib/index.mjs': definitionModule('esm', 'esmConnector') },
  });
  writePackage(join(nm, '@acme', 'outflow-connector-nested'), {
    pkg: {
      name: '@acme/outflow-connector-nested',
      exports: { '.': { require: './cjs/missing.cjs', node: { import: './esm/node.mjs' }, default: './esm/missing.mjs' }, './package.json': './package.json' },
      ...manifest('nested', 'nestedConnector'),
    },
    files: { 'esm/node.mjs': definitionModule('nested', 'nestedConnector') },
  });
  writePackage(join(nm, 'outflow-connector-sugar'), {
    pkg: { name: 'outflow-connector-sugar', exports: './entry.mjs', ...manifest('sugar', 'sugarConnector') },
    files: { 'entry.mjs': definitionModule('sugar', 'sugarConnector') },
  });
  writePackage(join(nm, 'outflow-connector-cjs-only'), {
    pkg: { name: 'outflow-connector-cjs-only', exports: { '.': { require: './index.cjs' } }, ...manifest('cjs-only', 'cjsOnlyConnector') },
    files: { 'index.cjs': 'module.exports = {};\n' },
  });
  // Path entries: one whose "exports" wins over a stale "main", one with only "main".
  writePackage(join(configDir, 'plugins', 'by-exports'), {
    pkg: {
      name: 'outflow-connector-by-exports',
      main: './stale/missing.js',
      exports: { '.': { import: './src/fresh.mjs' } },
      ...manifest('by-exports', 'byExportsConnector'),
    },
    files: { 'src/fresh.mjs': definitionModule('by-exports', 'byExportsConnector') },
  });
  writePackage(join(configDir, 'plugins', 'by-main'), {
    pkg: { name: 'outflow-connector-by-main', main: './build/main.mjs', ...manifest('by-main', 'byMainConnector') },
    files: { 'build/main.mjs': definitionModule('by-main', 'byMainConnector') },
  });
  writePackage(join(nm, 'outflow-connector-future'), {
    pkg: { name: 'outflow-connector-future', exports: { '.': { import: './index.mjs' } }, ...manifest('future', 'futureConnector', 2) },
    files: { 'index.mjs': definitionModule('future', 'futureConnector') },
  });
  const plain = `export const plainConnector = { type: 'plain', apiVersion: 1, displayName: 'Plain', configSchema: {}, limits: { maxEvents: 1, maxBytes: 1, maxEventBytes: 1 }, create() {} };\n`;
  writePackage(join(nm, 'outflow-connector-plain'), {
    pkg: { name: 'outflow-connector-plain', exports: { '.': { import: './index.mjs' } }, ...manifest('plain', 'plainConnector') },
    files: { 'index.mjs': plain },
  });
  const otherMajor = `export const otherConnector = Object.defineProperty({ type: 'other', apiVersion: 1, displayName: 'Other', configSchema: {}, limits: { maxEvents: 1, maxBytes: 1, maxEventBytes: 1 }, create() {} },
  Symbol.for('outflow.connector-definition'), { value: 2 });\n`;
  writePackage(join(nm, 'outflow-connector-other'), {
    pkg: { name: 'outflow-connector-other', exports: { '.': { import: './index.mjs' } }, ...manifest('other', 'otherConnector') },
    files: { 'index.mjs': otherMajor },
  });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('connector package loader', () => {
  it('loads an ESM-only package by name ("exports" with the import condition only), from a parent folder\'s node_modules', async () => {
    const [loaded] = await loadConnectors(['outflow-connector-esm'], configDir);
    expect(loaded?.definition.type).toBe('esm');
    expect(loaded?.source).toBe('outflow-connector-esm');
  });

  it('follows nested conditions ({"node": {"import": …}}) of a scoped package and skips "require"', async () => {
    const [loaded] = await loadConnectors(['@acme/outflow-connector-nested'], configDir);
    expect(loaded?.definition.type).toBe('nested');
  });

  it('accepts the string form of "exports"', async () => {
    const [loaded] = await loadConnectors(['outflow-connector-sugar'], configDir);
    expect(loaded?.definition.type).toBe('sugar');
  });

  it('honours "exports" of a path entry over its "main", and uses "main" when there is no "exports"', async () => {
    const loaded = await loadConnectors(['./plugins/by-exports', './plugins/by-main'], configDir);
    expect(loaded.map((l) => l.definition.type)).toEqual(['by-exports', 'by-main']);
  });

  it('names the conditions when "exports" has no importable "." target', async () => {
    expect(await loadError('outflow-connector-cjs-only')).toBe(
      'connector package "outflow-connector-cjs-only" has no importable entry: package.json "exports" has no "." target for the conditions import, node, default',
    );
  });

  it('says where it looked for a package that is not installed', async () => {
    const message = await loadError('outflow-connector-missing');
    expect(message).toContain('connector package "outflow-connector-missing" cannot be resolved from');
    expect(message).toContain('no node_modules/outflow-connector-missing/package.json');
  });

  it('refuses a manifest for another connector API version, naming both versions', async () => {
    expect(await loadError('outflow-connector-future')).toBe(
      'connector package "outflow-connector-future" targets connector API version 2 (package.json "outflowConnector.apiVersion"); this runner supports 1',
    );
  });

  it('refuses a plain object that was not made with defineConnector', async () => {
    expect(await loadError('outflow-connector-plain')).toBe(
      'connector package "outflow-connector-plain" exports "plainConnector", which was not made with defineConnector from @outflow/core (it has no connector definition brand)',
    );
  });

  it('refuses a definition branded for another connector API version', async () => {
    expect(await loadError('outflow-connector-other')).toBe(
      'connector package "outflow-connector-other" exports "otherConnector" made for connector API version 2; this runner supports 1',
    );
  });
});
