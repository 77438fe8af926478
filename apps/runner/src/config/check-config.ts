// Loads a config file reporting every error in one pass: when the schema refuses some fields, the streams are still checked by their connectors.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError, isConfigError, type ConfigIssue, type HttpTransport, type Logger } from '@outflow/core';
import type { OpenStreamConnector } from '@outflow/delivery';
import { parseDocument } from 'yaml';
import { interpolateEnv } from './interpolate.js';
import { loadConfigFile, type LoadedConfig } from './load.js';
import { runnerConfigSchema, streamConfigSchema, type RunnerConfig } from './schema.js';

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The stream fields a connector check needs, when those parse (a stream with bad filters still gets its sink checked). */
const sinkPart = streamConfigSchema.pick({ name: true, type: true, tenant: true, sink: true });

/**
 * The raw config with each refused field removed (a section's bad key, or the whole section when the
 * section itself is refused), and the streams whose sinks can still be checked, with their first indices.
 */
function salvage(raw: Record<string, unknown>, issues: readonly { path: readonly PropertyKey[] }[]): { config: RunnerConfig; indices: number[] } | null {
  const copy: Record<string, unknown> = structuredClone(raw);
  for (const { path } of issues) {
    const [section, key] = path;
    if (section === undefined) {
      for (const k of Object.keys(copy)) if (!(k in runnerConfigSchema.shape)) delete copy[k];
    } else if (section !== 'streams') {
      const value = copy[section as string];
      if (key !== undefined && isObject(value) && typeof key === 'string') delete value[key];
      else delete copy[section as string];
    }
  }
  const indices: number[] = [];
  const streams: unknown[] = [];
  (Array.isArray(raw.streams) ? raw.streams : []).forEach((s, i) => {
    const whole = streamConfigSchema.safeParse(s);
    const part = whole.success ? whole : sinkPart.safeParse(isObject(s) ? { name: s.name, type: s.type, tenant: s.tenant, sink: s.sink } : s);
    if (!part.success) return;
    indices.push(i);
    streams.push(whole.success ? s : { name: (s as Record<string, unknown>).name, type: part.data.type, tenant: part.data.tenant, sink: part.data.sink });
  });
  copy.streams = streams;
  const parsed = runnerConfigSchema.safeParse(copy);
  if (parsed.success) return { config: parsed.data, indices };
  // A cross-field rule still fails: check the streams under the default settings.
  const fallback = runnerConfigSchema.safeParse({ streams, ...(isObject(copy.egress) ? { egress: copy.egress } : {}) });
  return fallback.success ? { config: fallback.data, indices } : null;
}

/** Connector checks of the streams of a config the schema refused, with paths of the original file. */
async function connectorIssues(file: string, env: NodeJS.ProcessEnv): Promise<ConfigIssue[]> {
  let raw: unknown;
  try {
    const doc = parseDocument(interpolateEnv(readFileSync(file, 'utf8'), env));
    if (doc.errors.length) return [];
    raw = doc.toJS();
  } catch {
    return [];
  }
  if (!isObject(raw)) return [];
  const parsed = runnerConfigSchema.safeParse(raw);
  if (parsed.success) return [];
  const saved = salvage(raw, parsed.error.issues);
  if (!saved || saved.indices.length === 0) return [];
  // Loaded only here: a valid file (or one with YAML errors) never pays for the connectors.
  const [{ createRootContainer }, { loadConnectors }, { createConnectorRegistry }, { Tokens }, { validateStreams }] = await Promise.all([
    import('../container.js'),
    import('../loading/package-loader.js'),
    import('../loading/registry.js'),
    import('../tokens.js'),
    import('./validate-streams.js'),
  ]);
  const container = createRootContainer(saved.config, silent);
  try {
    const registry = createConnectorRegistry(await loadConnectors(saved.config.connectors, dirname(file)));
    container.register(Tokens.ConnectorRegistry, { useValue: registry });
    const issues = await validateStreams(saved.config, registry, container.resolve<OpenStreamConnector>(Tokens.OpenConnector));
    return issues.map((i) => ({ ...i, path: i.path.replace(/^streams\[(\d+)\]/, (_m, n: string) => `streams[${saved.indices[Number(n)]}]`) }));
  } catch {
    return [];
  } finally {
    await container.resolve<HttpTransport>(Tokens.HttpTransport).close();
  }
}

/** `loadConfigFile`, but a refused config also reports what the connectors find in its streams, all in one error. */
export async function loadConfigChecked(file: string, env: NodeJS.ProcessEnv = process.env): Promise<LoadedConfig> {
  try {
    return loadConfigFile(file, env);
  } catch (err) {
    if (!isConfigError(err) || err.issues.length === 0) throw err;
    const extra = await connectorIssues(resolve(file), env);
    if (extra.length === 0) throw err;
    const seen = new Set(err.issues.map((i) => `${i.path}\u0000${i.message}`));
    const all = [...err.issues, ...extra.filter((i) => !seen.has(`${i.path}\u0000${i.message}`))];
    throw new ConfigError('The configuration is invalid.', all);
  }
}
