// The API view of a stream: Auth0's shape with secrets masked, plus Outflow's extras.
import type { StreamView } from '@outflow/api-types';
import { configJsonSchema, maskAtPaths, secretPaths, type StoredStream } from '@outflow/core';
import type { ConnectorRegistry } from '../loading/registry.js';

/** Secret paths by config schema: deriving them walks the schema's JSON Schema, too slow to do per stream of a long list. */
const secretsBySchema = new WeakMap<object, string[]>();

export function sinkSecretPaths(registry: ConnectorRegistry, type: string): string[] {
  const def = registry.get(type);
  if (!def) return [];
  let paths = secretsBySchema.get(def.configSchema);
  if (!paths) secretsBySchema.set(def.configSchema, (paths = secretPaths(def.configSchema)));
  return [...paths];
}

const fieldsBySchema = new WeakMap<object, ReadonlySet<string> | undefined>();

/**
 * The sink without top-level fields its connector no longer has (a removed field such as the
 * webhook's `httpTimeoutMs`, which the schema still accepts and drops): what is stored and shown.
 */
export function knownSinkFields(registry: ConnectorRegistry, type: string, sink: Record<string, unknown>): Record<string, unknown> {
  const schema = registry.get(type)?.configSchema;
  if (!schema) return sink;
  if (!fieldsBySchema.has(schema)) {
    const props = (configJsonSchema(schema) as { properties?: Record<string, unknown> }).properties;
    fieldsBySchema.set(schema, props ? new Set(Object.keys(props)) : undefined);
  }
  const known = fieldsBySchema.get(schema);
  return known ? Object.fromEntries(Object.entries(sink).filter(([key]) => known.has(key))) : sink;
}

export function streamView(s: StoredStream, registry: ConnectorRegistry): StreamView {
  return {
    id: s.id,
    name: s.name,
    type: s.type,
    status: s.status,
    isPriority: s.isPriority,
    filters: s.filters,
    ...(s.pii_config ? { pii_config: s.pii_config } : {}),
    sink: maskAtPaths(knownSinkFields(registry, s.type, s.sink), sinkSecretPaths(registry, s.type)),
    managedBy: s.managedBy,
    ...(s.status === 'suspended' && s.state.suspendedReason ? { suspendedReason: s.state.suspendedReason } : {}),
  };
}
