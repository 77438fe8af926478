// Manifest and limits: package.json#outflowConnector, naming rules and sane batch limits.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONNECTOR_API_VERSION, type ConnectorDefinition } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { CONNECTOR_TYPE, connectorExportName, packageNameProblem } from '../naming.js';

interface PackageJson {
  name?: unknown;
  outflowConnector?: { type?: unknown; apiVersion?: unknown; export?: unknown };
}

/** What is wrong with a connector's package.json and definition (empty when they agree). */
export function manifestProblems(definition: Pick<ConnectorDefinition, 'type' | 'apiVersion'>, pkg: PackageJson): string[] {
  const problems: string[] = [];
  const { type } = definition;
  if (!CONNECTOR_TYPE.test(type)) problems.push(`type "${type}" is not kebab-case`);
  if (definition.apiVersion !== CONNECTOR_API_VERSION) problems.push(`apiVersion ${String(definition.apiVersion)} is not ${CONNECTOR_API_VERSION}`);
  const m = pkg.outflowConnector;
  if (!m || typeof m !== 'object') return [...problems, 'package.json has no outflowConnector field'];
  if (m.type !== type) problems.push(`outflowConnector.type is ${JSON.stringify(m.type)}, the definition says "${type}"`);
  if (m.apiVersion !== definition.apiVersion)
    problems.push(`outflowConnector.apiVersion is ${JSON.stringify(m.apiVersion)}, the definition says ${definition.apiVersion}`);
  const exportName = connectorExportName(type);
  if (m.export !== exportName) problems.push(`outflowConnector.export is ${JSON.stringify(m.export)}, expected "${exportName}"`);
  const nameProblem = packageNameProblem(pkg.name, type);
  if (nameProblem) problems.push(nameProblem);
  return problems;
}

/** What is wrong with a connector's limits (empty when they are sane). */
export function limitsProblems(limits: ConnectorDefinition['limits']): string[] {
  const problems: string[] = [];
  for (const key of ['maxEvents', 'maxBytes', 'maxEventBytes'] as const) {
    const v = limits[key];
    if (!Number.isSafeInteger(v) || v <= 0) problems.push(`limits.${key} must be a positive integer (is ${String(v)})`);
  }
  if (limits.maxEventBytes > limits.maxBytes) problems.push('limits.maxEventBytes must not exceed limits.maxBytes');
  return problems;
}

function readPackageJson(dir: string): PackageJson {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
}

/** The connector's entry module: src/index.ts when present (tests run from source), else dist. */
async function importEntry(dir: string): Promise<Record<string, unknown>> {
  const candidates = ['src/index.ts', 'dist/index.js'].map((f) => join(dir, f)).filter((f) => existsSync(f));
  let last: unknown = new Error(`No src/index.ts or dist/index.js in ${dir}.`);
  for (const file of candidates) {
    try {
      return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    } catch (err) {
      last = err;
    }
  }
  throw last;
}

export function describeManifest(definition: ConnectorDefinition<unknown>, packageDir: string): void {
  describe('manifest', () => {
    it('package.json#outflowConnector, the package name and the export name follow docs/naming.md', () => {
      expect(manifestProblems(definition, readPackageJson(packageDir))).toEqual([]);
    });

    it('the entry module exports the definition under the manifest name', async () => {
      const mod = await importEntry(packageDir);
      const exported = mod[connectorExportName(definition.type)] as ConnectorDefinition | undefined;
      expect(exported, `export ${connectorExportName(definition.type)}`).toBeDefined();
      expect(exported?.type).toBe(definition.type);
    });

    it('has a display name and sane limits', () => {
      expect(definition.displayName.trim()).not.toBe('');
      expect(limitsProblems(definition.limits)).toEqual([]);
    });
  });
}
