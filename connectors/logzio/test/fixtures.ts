// Test fixtures: the golden envelope, a context, a config parser and a connector on the fake listener.
import { batchFromEnvelopes, type ConnectorContext, type LogEnvelope } from '@outflow/core';
import { createManualClock } from '@outflow/core/testing';
import { FAILED_LOGIN_ENVELOPE, testContext } from '@outflow/connector-testkit';
import { LOGZIO_FAKE_TOKEN } from '@outflow/connector-testkit/fakes/logzio';
import { logzioConnector, type LogzioConfig, type LogzioConfigInput } from '../src/index.js';

export { never } from '@outflow/connector-testkit';

export const TOKEN = LOGZIO_FAKE_TOKEN;

/** A fixed Auth0 failure event: the input of the golden payload tests. */
export const GOLDEN_ENVELOPE: LogEnvelope = FAILED_LOGIN_ENVELOPE;

export const goldenBatch = () => batchFromEnvelopes([GOLDEN_ENVELOPE]);

export const makeContext = () => testContext({ clock: createManualClock() });

export function parseConfig(input: LogzioConfigInput): LogzioConfig {
  return logzioConnector.configSchema.parse(input);
}

/** A connector whose listener is the fake at `url`. */
export function connect(url: string, extra: Partial<LogzioConfigInput> = {}, ctx: ConnectorContext = makeContext()) {
  return logzioConnector.create(ctx, parseConfig({ logzioToken: TOKEN, logzioEndpoint: url, ...extra }));
}
