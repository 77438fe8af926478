// The workspace's own connectors, in a static typed map (the default connector list).
import { consoleConnector } from '@outflow/connector-console';
import { webhookConnector } from '@outflow/connector-http';
import type { ConnectorDefinition } from '@outflow/core';

export const builtinConnectors = {
  '@outflow/connector-http': webhookConnector,
  '@outflow/connector-console': consoleConnector,
} as const satisfies Record<string, ConnectorDefinition<any>>;
