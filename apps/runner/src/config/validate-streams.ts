// Checks each configured stream against the installed connectors (through delivery's one path): type, sink fields, egress, names.
import { isConfigError, redactText, type ConfigIssue } from '@outflow/core';
import type { OpenStreamConnector } from '@outflow/delivery';
import type { z } from 'zod';
import type { ConnectorRegistry } from '../loading/registry.js';
import { zodIssues } from './load.js';
import type { RunnerConfig, StreamConfig } from './schema.js';

/** Problems of one stream definition (type, sink), with paths under `prefix`. */
export async function validateStreamSink(
  stream: Pick<StreamConfig, 'type' | 'sink' | 'name' | 'tenant'> & Partial<Pick<StreamConfig, 'filters' | 'pii_config'>>,
  registry: ConnectorRegistry,
  open: OpenStreamConnector,
  prefix: string,
): Promise<ConfigIssue[]> {
  const opened = await open({ ...stream, id: 'validate', managedBy: 'config' });
  if (opened.ok) {
    await opened.stream.close();
    return [];
  }
  const { failure } = opened;
  switch (failure.reason) {
    case 'unknown_type':
      return [{ path: `${prefix}type`, message: `stream type "${stream.type}" is not installed; installed types: ${registry.types().join(', ')}` }];
    case 'invalid_config':
      // Recognised by shape: a connector built against its own zod copy makes its own ZodError class.
      return Array.isArray((failure.error as { issues?: unknown } | null)?.issues)
        ? zodIssues(failure.error as z.ZodError, `${prefix}sink`)
        : [{ path: `${prefix}sink`, message: failure.message }];
    case 'create_failed': {
      const err = failure.error;
      if (isConfigError(err) && err.issues.length) return err.issues.map((i) => ({ path: `${prefix}sink.${i.path}`, message: i.message }));
      return [{ path: `${prefix}sink`, message: redactText(err instanceof Error ? err.message : String(err), opened.secrets) }];
    }
    default:
      return [{ path: `${prefix}sink`, message: failure.message }];
  }
}

export async function validateStreams(config: RunnerConfig, registry: ConnectorRegistry, open: OpenStreamConnector, now = Date.now()): Promise<ConfigIssue[]> {
  const issues: ConfigIssue[] = [];
  const seen = new Map<string, number>();
  for (const [i, stream] of config.streams.entries()) {
    const key = `${stream.tenant}\u0000${stream.name}`;
    const first = seen.get(key);
    if (first !== undefined)
      issues.push({ path: `streams[${i}].name`, message: `"${stream.name}" is already the name of streams[${first}] of tenant "${stream.tenant}"` });
    else seen.set(key, i);
    if (stream.startFrom && Date.parse(stream.startFrom) < now - config.retention) {
      issues.push({ path: `streams[${i}].startFrom`, message: 'must be within the retention period' });
    }
    issues.push(...(await validateStreamSink(stream, registry, open, `streams[${i}].`)));
  }
  return issues;
}
