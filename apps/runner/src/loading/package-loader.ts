// Loads connector packages named in the config: resolve, check the outflowConnector manifest, import.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONNECTOR_API_VERSION, ConfigError, type ConnectorDefinition, type ConfigIssue } from '@outflow/core';
import { builtinConnectors } from './builtin.js';

interface Manifest {
  type: string;
  apiVersion: number;
  export: string;
}

function findPackageJson(spec: string, fromDir: string): string {
  if (spec.startsWith('.') || isAbsolute(spec)) return join(resolve(fromDir, spec), 'package.json');
  const req = createRequire(join(fromDir, 'outflow.config.cjs'));
  try {
    return req.resolve(`${spec}/package.json`);
  } catch {
    // Packages without "./package.json" in exports: walk up from the resolved entry.
    let dir = dirname(req.resolve(spec));
    for (;;) {
      try {
        const candidate = join(dir, 'package.json');
        if ((JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name === spec) return candidate;
      } catch {
        /* keep walking */
      }
      const up = dirname(dir);
      if (up === dir) throw new Error(`cannot find package.json of ${spec}`);
      dir = up;
    }
  }
}

async function loadOne(spec: string, fromDir: string): Promise<ConnectorDefinition<any>> {
  if (Object.hasOwn(builtinConnectors, spec)) return builtinConnectors[spec as keyof typeof builtinConnectors];
  let pkgFile: string;
  try {
    pkgFile = findPackageJson(spec, fromDir);
  } catch (err) {
    throw new Error(`cannot be resolved from ${fromDir} (${(err as Error).message}); install it next to the config file`);
  }
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { name?: string; outflowConnector?: Manifest; exports?: unknown; main?: string };
  const manifest = pkg.outflowConnector;
  if (!manifest || typeof manifest.type !== 'string' || typeof manifest.export !== 'string') {
    throw new Error('has no package.json "outflowConnector" manifest ({type, apiVersion, export})');
  }
  if (manifest.apiVersion !== CONNECTOR_API_VERSION) {
    throw new Error(`targets connector API version ${manifest.apiVersion}; this runner supports ${CONNECTOR_API_VERSION}`);
  }
  const entry = spec.startsWith('.') || isAbsolute(spec)
    ? resolve(dirname(pkgFile), pkg.main ?? 'dist/index.js')
    : createRequire(pkgFile).resolve(spec);
  const mod = (await import(pathToFileURL(entry).href)) as Record<string, unknown>;
  const def = mod[manifest.export] as ConnectorDefinition<any> | undefined;
  if (!def || typeof def !== 'object' || typeof def.create !== 'function') {
    throw new Error(`does not export a connector definition named "${manifest.export}"`);
  }
  if (def.type !== manifest.type) throw new Error(`exports type "${def.type}" but its manifest says "${manifest.type}"`);
  if (def.apiVersion !== CONNECTOR_API_VERSION) throw new Error(`definition has apiVersion ${String(def.apiVersion)}`);
  return def;
}

/** Loads every listed package (the built-ins when `specs` is undefined); all problems at once. */
export async function loadConnectors(specs: readonly string[] | undefined, fromDir: string): Promise<Array<{ definition: ConnectorDefinition<any>; source: string }>> {
  const list = specs ?? Object.keys(builtinConnectors);
  const issues: ConfigIssue[] = [];
  const out: Array<{ definition: ConnectorDefinition<any>; source: string }> = [];
  for (const [i, spec] of list.entries()) {
    try {
      out.push({ definition: await loadOne(spec, fromDir), source: spec });
    } catch (err) {
      issues.push({ path: `connectors[${i}]`, message: `connector package "${spec}" ${(err as Error).message}` });
    }
  }
  if (issues.length) throw new ConfigError('Some connector packages could not be loaded.', issues);
  return out;
}
