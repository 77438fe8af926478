// Loads connector packages named in the config: resolve (ESM exports), check the outflowConnector manifest and the definition's brand, import.
import { pathToFileURL } from 'node:url';
import { CONNECTOR_API_VERSION, ConfigError, definitionApiVersion, type ConnectorDefinition, type ConfigIssue } from '@outflow/core';
import { builtinConnectors } from './builtin.js';
import { pluginPackageDir } from './plugin-folder.js';
import { isPathSpec, resolveConnectorPackage } from './resolve-package.js';

interface Manifest {
  type: string;
  apiVersion: number;
  export: string;
}

function readManifest(pkg: Record<string, unknown>): Manifest {
  const manifest = pkg.outflowConnector as Partial<Manifest> | undefined;
  if (!manifest || typeof manifest !== 'object' || typeof manifest.type !== 'string' || typeof manifest.export !== 'string') {
    throw new Error('has no package.json "outflowConnector" manifest ({type, apiVersion, export})');
  }
  if (manifest.apiVersion !== CONNECTOR_API_VERSION) {
    throw new Error(
      `targets connector API version ${JSON.stringify(manifest.apiVersion ?? null)} (package.json "outflowConnector.apiVersion"); this runner supports ${CONNECTOR_API_VERSION}`,
    );
  }
  return manifest as Manifest;
}

function checkDefinition(def: unknown, manifest: Manifest): ConnectorDefinition<any> {
  const d = def as ConnectorDefinition<any> | undefined;
  if (!d || typeof d !== 'object' || typeof d.create !== 'function') {
    throw new Error(`does not export a connector definition named "${manifest.export}"`);
  }
  const branded = definitionApiVersion(d);
  if (branded === undefined) {
    throw new Error(`exports "${manifest.export}", which was not made with defineConnector from @outflow/core (it has no connector definition brand)`);
  }
  if (branded !== CONNECTOR_API_VERSION || d.apiVersion !== CONNECTOR_API_VERSION) {
    const version = branded !== CONNECTOR_API_VERSION ? branded : d.apiVersion;
    throw new Error(
      `exports "${manifest.export}" made for connector API version ${JSON.stringify(version ?? null)}; this runner supports ${CONNECTOR_API_VERSION}`,
    );
  }
  if (d.type !== manifest.type) throw new Error(`exports type "${d.type}" but its manifest says "${manifest.type}"`);
  return d;
}

/** Loads one connector package (name or path) from `fromDir`; throws an Error whose message completes "connector package <spec> …". */
export async function loadConnectorPackage(spec: string, fromDir: string): Promise<ConnectorDefinition<any>> {
  // A built-in is used unless a copy was installed in the plugin folder (an upgrade without a new runner).
  const installed = !isPathSpec(spec) && pluginPackageDir(spec, fromDir) !== null;
  if (!installed && Object.hasOwn(builtinConnectors, spec)) return builtinConnectors[spec as keyof typeof builtinConnectors];
  const { pkg, entry } = resolveConnectorPackage(spec, fromDir);
  const manifest = readManifest(pkg);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(entry).href)) as Record<string, unknown>;
  } catch (err) {
    throw new Error(`failed to import its entry ${entry}: ${(err as Error).message}`);
  }
  return checkDefinition(mod[manifest.export], manifest);
}

/** Loads every listed package (the built-ins when `specs` is undefined); all problems at once. */
export async function loadConnectors(
  specs: readonly string[] | undefined,
  fromDir: string,
): Promise<Array<{ definition: ConnectorDefinition<any>; source: string }>> {
  const list = specs ?? Object.keys(builtinConnectors);
  const issues: ConfigIssue[] = [];
  const out: Array<{ definition: ConnectorDefinition<any>; source: string }> = [];
  for (const [i, spec] of list.entries()) {
    try {
      out.push({ definition: await loadConnectorPackage(spec, fromDir), source: spec });
    } catch (err) {
      issues.push({ path: `connectors[${i}]`, message: `connector package "${spec}" ${(err as Error).message}` });
    }
  }
  if (issues.length) throw new ConfigError('Some connector packages could not be loaded.', issues);
  return out;
}
