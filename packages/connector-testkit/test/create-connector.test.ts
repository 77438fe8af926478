// scripts/create-connector.mjs: copies connectors/_template and renames every template name.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const SCRIPT = join(ROOT, 'scripts/create-connector.mjs');
const into = mkdtempSync(join(tmpdir(), 'outflow-create-connector-'));
afterAll(() => rmSync(into, { recursive: true, force: true }));

const run = (...args: string[]) => execFileSync(process.execPath, [SCRIPT, ...args, '--into', into], { encoding: 'utf8', stdio: 'pipe' });
const read = (...path: string[]) => readFileSync(join(into, 'sumo-logic', ...path), 'utf8');

describe('create-connector', () => {
  it('scaffolds connectors/<type> with the package, manifest and identifiers renamed', () => {
    expect(run('sumo-logic')).toContain('@outflow/connector-sumo-logic');
    const pkg = JSON.parse(read('package.json')) as Record<string, unknown>;
    expect(pkg.name).toBe('@outflow/connector-sumo-logic');
    expect(pkg.private).toBeUndefined();
    expect(pkg.outflowConnector).toEqual({ type: 'sumo-logic', apiVersion: 1, export: 'sumoLogicConnector' });

    const connector = read('src/connector.ts');
    expect(connector).toContain('export const sumoLogicConnector = defineHttpConnector({');
    expect(connector).toContain("type: 'sumo-logic'");
    expect(connector).toContain('SumoLogicConfig');
    expect(read('src/config.ts')).toContain('export const sumoLogicConfigSchema');
    expect(read('src/types.ts')).toContain('export type SumoLogicConfig =');
    expect(read('src/index.ts')).toContain('sumoLogicConnector');
    expect(read('test/conformance.test.ts')).toContain('describeConnectorConformance(sumoLogicConnector');

    const readme = read('README.md');
    expect(readme.split('\n')[0]).toBe('# Sumo Logic connector');
    expect(readme).not.toContain('template:start');
    expect(readme).toContain('SUMO_LOGIC_API_KEY');
  });

  it('leaves no template name behind and copies no build output or node_modules', () => {
    for (const file of [
      'package.json',
      'README.md',
      'src/config.ts',
      'src/connector.ts',
      'src/encoder.ts',
      'src/index.ts',
      'src/types.ts',
      'test/conformance.test.ts',
      'test/encoder.test.ts',
    ]) {
      expect(read(file), file).not.toMatch(/template/i);
    }
    expect(existsSync(join(into, 'sumo-logic', 'node_modules'))).toBe(false);
    expect(existsSync(join(into, 'sumo-logic', 'dist'))).toBe(false);
  });

  it("type-checks as it is (with the template's dependencies linked)", () => {
    const dir = join(into, 'sumo-logic');
    symlinkSync(join(ROOT, 'connectors/_template/node_modules'), join(dir, 'node_modules'), 'dir');
    const tsc = join(ROOT, 'connectors/_template/node_modules/typescript/bin/tsc');
    expect(() => execFileSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8', stdio: 'pipe' })).not.toThrow();
  });

  it('copies the layout every real connector has, each in the folder named by its type', () => {
    const layout = [
      'README.md',
      'package.json',
      'tsconfig.json',
      'tsconfig.build.json',
      'vitest.config.ts',
      'src/config.ts',
      'src/connector.ts',
      'src/index.ts',
      'src/types.ts',
      'test/conformance.test.ts',
    ];
    const folders = readdirSync(join(ROOT, 'connectors')).filter((name) => !name.startsWith('.'));
    expect(folders).toContain('http');
    for (const folder of [...folders.map((name) => join(ROOT, 'connectors', name)), join(into, 'sumo-logic')]) {
      for (const file of layout) expect(existsSync(join(folder, file)), `${folder}/${file}`).toBe(true);
      const pkg = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name: string; outflowConnector: { type: string; export: string } };
      const type = pkg.outflowConnector.type;
      if (!folder.endsWith('_template'))
        expect([folder.split('/').pop(), pkg.name, pkg.outflowConnector.export]).toEqual([
          type,
          `@outflow/connector-${type}`,
          `${type.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())}Connector`,
        ]);
    }
  });

  it('refuses a bad type and an existing folder', () => {
    expect(() => run('Bad_Type')).toThrow(/not a valid connector type/);
    expect(() => run('sumo-logic')).toThrow(/already exists/);
  });
});
