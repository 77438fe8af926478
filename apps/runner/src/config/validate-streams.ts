// Checks each configured stream against the installed connectors: type, sink fields, egress, names.
import { isConfigError, systemClock, type ConfigIssue, type EgressGuard, type Logger } from '@outflow/core';
import type { ConnectorRegistry } from '../loading/registry.js';
import { zodIssues } from './load.js';
import type { RunnerConfig, StreamConfig } from './schema.js';

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

/** Problems of one stream definition (type, sink), with paths under `prefix`. */
export async function validateStreamSink(
  stream: Pick<StreamConfig, 'type' | 'sink' | 'name' | 'tenant'>,
  registry: ConnectorRegistry,
  egress: EgressGuard,
  prefix: string,
): Promise<ConfigIssue[]> {
  const def = registry.get(stream.type);
  if (!def) {
    return [{ path: `${prefix}type`, message: `stream type "${stream.type}" is not installed; installed types: ${registry.types().join(', ')}` }];
  }
  const parsed = def.configSchema.safeParse(stream.sink);
  if (!parsed.success) return zodIssues(parsed.error, `${prefix}sink`);
  try {
    const connector = def.create({ streamId: 'validate', tenant: stream.tenant, logger: silent, clock: systemClock, egress }, parsed.data);
    await connector.close();
  } catch (err) {
    if (isConfigError(err) && err.issues.length) return err.issues.map((i) => ({ path: `${prefix}sink.${i.path}`, message: i.message }));
    return [{ path: `${prefix}sink`, message: (err as Error).message }];
  }
  return [];
}

export async function validateStreams(config: RunnerConfig, registry: ConnectorRegistry, egress: EgressGuard, now = Date.now()): Promise<ConfigIssue[]> {
  const issues: ConfigIssue[] = [];
  const seen = new Map<string, number>();
  for (const [i, stream] of config.streams.entries()) {
    const key = `${stream.tenant}\u0000${stream.name}`;
    const first = seen.get(key);
    if (first !== undefined) issues.push({ path: `streams[${i}].name`, message: `"${stream.name}" is already the name of streams[${first}] of tenant "${stream.tenant}"` });
    else seen.set(key, i);
    if (stream.startFrom && Date.parse(stream.startFrom) < now - config.retention) {
      issues.push({ path: `streams[${i}].startFrom`, message: 'must be within the retention period' });
    }
    issues.push(...(await validateStreamSink(stream, registry, egress, `streams[${i}].`)));
  }
  return issues;
}
