// The workspace's own connectors, in a static typed map (the default connector list).
import { consoleConnector } from '@outflow/connector-console';
import { datadogConnector } from '@outflow/connector-datadog';
import { elasticConnector } from '@outflow/connector-elastic';
import { eventbridgeConnector } from '@outflow/connector-eventbridge';
import { httpConnector } from '@outflow/connector-http';
import { segmentConnector } from '@outflow/connector-segment';
import { slackConnector } from '@outflow/connector-slack';
import { splunkConnector } from '@outflow/connector-splunk';
import type { ConnectorDefinition } from '@outflow/core';

export const builtinConnectors = {
  '@outflow/connector-http': httpConnector,
  '@outflow/connector-console': consoleConnector,
  '@outflow/connector-datadog': datadogConnector,
  '@outflow/connector-splunk': splunkConnector,
  '@outflow/connector-slack': slackConnector,
  '@outflow/connector-segment': segmentConnector,
  '@outflow/connector-eventbridge': eventbridgeConnector,
  '@outflow/connector-elastic': elasticConnector,
} as const satisfies Record<string, ConnectorDefinition<any>>;
