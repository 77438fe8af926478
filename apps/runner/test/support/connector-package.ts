// Writes small plain-ESM connector packages to disk (package.json, entry file) for loader and separate-core tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface PackageFiles {
  /** package.json fields; `outflowConnector` defaults to `{type, apiVersion: 1, export}`. */
  pkg: Record<string, unknown>;
  /** Files by path inside the package (e.g. `lib/index.mjs`). */
  files: Record<string, string>;
}

/** Writes a package folder at `dir` (created with its parents) and returns it. */
export function writePackage(dir: string, { pkg, files }: PackageFiles): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ version: '1.0.0', type: 'module', ...pkg }, null, 2));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** An entry module exporting `exportName`: a definition made by defineConnector of whichever core it resolves. */
export function definitionModule(type: string, exportName: string): string {
  return `import { defineConnector } from '@outflow/core';
import { z } from 'zod';
export const ${exportName} = defineConnector({
  type: '${type}',
  displayName: 'Fixture ${type}',
  configSchema: z.object({}),
  limits: { maxEvents: 10, maxBytes: 1000, maxEventBytes: 1000 },
  create: () => ({ healthcheck: async () => ({ ok: true }), send: async () => ({ status: 'success' }), close: async () => {} }),
});
`;
}

/** The manifest field for a fixture connector. */
export function manifest(type: string, exportName: string, apiVersion = 1): Record<string, unknown> {
  return { outflowConnector: { type, apiVersion, export: exportName } };
}
