// The workspace's own connectors, in a static typed map (the default connector list).
import { consoleConnector } from '@outflow/connector-console';
import { datadogConnector } from '@outflow/connector-datadog';
import { webhookConnector } from '@outflow/connector-http';
import { splunkConnector } from '@outflow/connector-splunk';
import type { ConnectorDefinition } from '@outflow/core';

export const builtinConnectors = {
  '@outflow/connector-http': webhookConnector,
  '@outflow/connector-console': consoleConnector,
  '@outflow/connector-datadog': datadogConnector,
  '@outflow/connector-splunk': splunkConnector,
} as const satisfies Record<string, ConnectorDefinition<any>>;
