// The workspace's own connectors, in a static typed map (the default connector list).
import { consoleConnector } from '@outflow/connector-console';
import { datadogConnector } from '@outflow/connector-datadog';
import { elasticConnector } from '@outflow/connector-elastic';
import { eventbridgeConnector } from '@outflow/connector-eventbridge';
import { eventgridConnector } from '@outflow/connector-eventgrid';
import { httpConnector } from '@outflow/connector-http';
import { pantherConnector } from '@outflow/connector-panther';
import { logzioConnector } from '@outflow/connector-logzio';
import { pangeaConnector } from '@outflow/connector-pangea';
import { otlpConnector } from '@outflow/connector-otlp';
import { mixpanelConnector } from '@outflow/connector-mixpanel';
import { segmentConnector } from '@outflow/connector-segment';
import { slackConnector } from '@outflow/connector-slack';
import { splunkConnector } from '@outflow/connector-splunk';
import { mdrOneConnector } from '@outflow/connector-mdr-one';
import { oortConnector } from '@outflow/connector-oort';
import { perchConnector } from '@outflow/connector-perch';
import { verosintConnector } from '@outflow/connector-verosint';
import { sumoConnector } from '@outflow/connector-sumo';
import type { ConnectorDefinition } from '@outflow/core';

export const builtinConnectors = {
  '@outflow/connector-http': httpConnector,
  '@outflow/connector-console': consoleConnector,
  '@outflow/connector-datadog': datadogConnector,
  '@outflow/connector-splunk': splunkConnector,
  '@outflow/connector-slack': slackConnector,
  '@outflow/connector-segment': segmentConnector,
  '@outflow/connector-eventbridge': eventbridgeConnector,
  '@outflow/connector-verosint': verosintConnector,
  '@outflow/connector-oort': oortConnector,
  '@outflow/connector-mdr-one': mdrOneConnector,
  '@outflow/connector-perch': perchConnector,
  '@outflow/connector-sumo': sumoConnector,
  '@outflow/connector-panther': pantherConnector,
  '@outflow/connector-logzio': logzioConnector,
  '@outflow/connector-pangea': pangeaConnector,
  '@outflow/connector-otlp': otlpConnector,
  '@outflow/connector-eventgrid': eventgridConnector,
  '@outflow/connector-mixpanel': mixpanelConnector,
  '@outflow/connector-elastic': elasticConnector,
} as const satisfies Record<string, ConnectorDefinition<any>>;
