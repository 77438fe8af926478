// The standalone generator: names, a package.json of published ranges, self-contained configs, and the errors it names.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generateConnector, parseConnectorName, runCreateCli } from '../src/index.js';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const into = mkdtempSync(join(tmpdir(), 'outflow-create-standalone-'));
afterAll(() => rmSync(into, { recursive: true, force: true }));

describe('parseConnectorName', () => {
  it('derives package name, type and folder', () => {
    expect(parseConnectorName('acme', 'standalone')).toEqual({ packageName: 'outflow-connector-acme', type: 'acme', folder: 'outflow-connector-acme' });
    expect(parseConnectorName('@corp/outflow-connector-sumo-logic', 'standalone')).toEqual({
      packageName: '@corp/outflow-connector-sumo-logic',
      type: 'sumo-logic',
      folder: 'outflow-connector-sumo-logic',
    });
    expect(parseConnectorName('outflow-connector-acme', 'standalone').packageName).toBe('outflow-connector-acme');
    expect(parseConnectorName('acme', 'workspace')).toEqual({ packageName: '@outflow/connector-acme', type: 'acme', folder: 'acme' });
  });

  it('refuses names that break the naming rules', () => {
    expect(() => parseConnectorName('@corp/acme', 'standalone')).toThrow(/@scope\/outflow-connector-<type>/);
    expect(() => parseConnectorName('Acme_Logs', 'standalone')).toThrow(/not a valid connector type/);
    expect(() => parseConnectorName('template', 'standalone')).toThrow(/not a valid connector type/);
    expect(() => parseConnectorName('', 'standalone')).toThrow(/Missing the connector name/);
  });
});

describe('generateConnector (standalone)', () => {
  const made = generateConnector({ name: '@corp/outflow-connector-sumo-logic', into });
  const read = (file: string) => readFileSync(join(made.dir, file), 'utf8');

  it('writes a package.json with semver ranges only and the template layout', () => {
    const text = read('package.json');
    expect(text).not.toMatch(/workspace:|catalog:/);
    const pkg = JSON.parse(text) as Record<string, Record<string, string>>;
    expect(pkg.name).toBe('@corp/outflow-connector-sumo-logic');
    expect(pkg.outflowConnector).toEqual({ type: 'sumo-logic', apiVersion: 1, export: 'sumoLogicConnector' });
    expect(pkg.peerDependencies).toEqual({ '@outflow/core': expect.stringMatching(/^\^\d+\.\d+\.\d+$/) });
    expect(pkg.dependencies?.['@outflow/http']).toMatch(/^\^\d/);
    expect(Object.keys(pkg.devDependencies ?? {})).toEqual(expect.arrayContaining(['@outflow/connector-testkit', '@outflow/core', 'typescript', 'vitest']));
    expect(pkg.devDependencies?.['@outflow/tsconfig']).toBeUndefined();
    expect(pkg.publishConfig).toEqual({ access: 'public' });
    expect(pkg.scripts).toMatchObject({ build: 'tsc -p tsconfig.build.json', test: 'vitest run' });
    for (const file of [
      'src/config.ts',
      'src/connector.ts',
      'src/encoder.ts',
      'src/index.ts',
      'test/conformance.test.ts',
      'test/encoder.test.ts',
      'README.md',
      'tsconfig.json',
      'tsconfig.build.json',
      'vitest.config.ts',
    ]) {
      expect(existsSync(join(made.dir, file)), file).toBe(true);
      expect(read(file), file).not.toMatch(/template|@outflow\/tsconfig/i);
    }
    expect(read('src/connector.ts')).toContain('export const sumoLogicConnector');
  });

  it("type-checks as it is (with the template's dependencies linked)", () => {
    symlinkSync(join(ROOT, 'connectors/_template/node_modules'), join(made.dir, 'node_modules'), 'dir');
    const tsc = join(ROOT, 'connectors/_template/node_modules/typescript/bin/tsc');
    expect(() => execFileSync(process.execPath, [tsc, '-p', join(made.dir, 'tsconfig.json')], { encoding: 'utf8', stdio: 'pipe' })).not.toThrow();
  });

  it('refuses a folder that is not empty', () => {
    expect(() => generateConnector({ name: '@corp/outflow-connector-sumo-logic', into })).toThrow(/already exists/);
  });
});

describe('runCreateCli', () => {
  it('prints the next steps, and usage errors exit 2', () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd: into };
    expect(runCreateCli(['acme'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/outflow-connector-acme[\s\S]*npm install[\s\S]*npm test/);
    expect(runCreateCli([], io)).toBe(2);
    expect(runCreateCli(['acme', '--nope'], io)).toBe(2);
    expect(runCreateCli(['acme'], io)).toBe(1);
    expect(err.join('\n')).toMatch(/Missing the connector name[\s\S]*already exists/);
  });
});
