// The API view of a stream: Auth0's shape with secrets masked, plus Outflow's extras.
import type { StreamView } from '@outflow/api-types';
import { maskAtPaths, secretPaths, type StoredStream } from '@outflow/core';
import type { ConnectorRegistry } from '../loading/registry.js';

export function sinkSecretPaths(registry: ConnectorRegistry, type: string): string[] {
  const def = registry.get(type);
  return def ? secretPaths(def.configSchema) : [];
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
    sink: maskAtPaths(s.sink, sinkSecretPaths(registry, s.type)),
    managedBy: s.managedBy,
    ...(s.status === 'suspended' && s.state.suspendedReason ? { suspendedReason: s.state.suspendedReason } : {}),
  };
}
