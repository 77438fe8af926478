// The installed connector types, by stream type.
import type { ConnectorDefinition } from '@outflow/core';

export interface ConnectorRegistry {
  get(type: string): ConnectorDefinition<unknown> | undefined;
  types(): string[];
  entries(): Array<{ type: string; definition: ConnectorDefinition<unknown>; source: string }>;
}

export function createConnectorRegistry(items: Array<{ definition: ConnectorDefinition<any>; source: string }>): ConnectorRegistry {
  const byType = new Map<string, { definition: ConnectorDefinition<unknown>; source: string }>();
  for (const item of items) {
    const existing = byType.get(item.definition.type);
    if (existing) throw new Error(`Connector type "${item.definition.type}" is provided by both ${existing.source} and ${item.source}.`);
    byType.set(item.definition.type, item);
  }
  return {
    get: (type) => byType.get(type)?.definition,
    types: () => [...byType.keys()].sort(),
    entries: () => [...byType.entries()].map(([type, v]) => ({ type, ...v })).sort((a, b) => a.type.localeCompare(b.type)),
  };
}
