// Test fixtures: the golden envelope, a context, a config parser and a connector on the fake HEC.
import { batchFromEnvelopes, type ConnectorContext, type EgressPolicy, type LogEnvelope, type Logger } from '@outflow/core';
import { createManualClock } from '@outflow/core/testing';
import { FAILED_LOGIN_ENVELOPE, testContext } from '@outflow/connector-testkit';
import { SPLUNK_FAKE_TOKEN } from '@outflow/connector-testkit/fakes/splunk';
import { splunkConnector, type SplunkConfig, type SplunkConfigInput } from '../src/index.js';

export { never, silentLogger } from '@outflow/connector-testkit';

export const TOKEN = SPLUNK_FAKE_TOKEN;

/** A fixed Auth0 failure event: the input of the golden payload tests. */
export const GOLDEN_ENVELOPE: LogEnvelope = FAILED_LOGIN_ENVELOPE;

export const goldenBatch = () => batchFromEnvelopes([GOLDEN_ENVELOPE]);

export const makeContext = (policy?: EgressPolicy, logger?: Logger): ConnectorContext =>
  testContext({ ...(policy ? { policy } : {}), ...(logger ? { logger } : {}), clock: createManualClock() });

export function parseConfig(input: SplunkConfigInput): SplunkConfig {
  return splunkConnector.configSchema.parse(input);
}

/** A connector whose HEC is the fake at `url` (a full URL in splunkDomain, as proxies and tests use). */
export function connect(url: string, extra: Partial<SplunkConfigInput> = {}, ctx: ConnectorContext = makeContext()) {
  return splunkConnector.create(ctx, parseConfig({ splunkDomain: url, splunkToken: TOKEN, ...extra }));
}
