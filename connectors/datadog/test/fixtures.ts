// Test fixtures: the golden envelope, a context, a config parser and a connector on the fake intake.
import { batchFromEnvelopes, type ConnectorContext, type EgressPolicy, type LogEnvelope } from '@outflow/core';
import { createManualClock } from '@outflow/core/testing';
import { FAILED_LOGIN_ENVELOPE, testContext } from '@outflow/connector-testkit';
import { DATADOG_FAKE_API_KEY } from '@outflow/connector-testkit/fakes/datadog';
import { datadogConnector, type DatadogConfig, type DatadogConfigInput } from '../src/index.js';

export { never, silentLogger } from '@outflow/connector-testkit';

export const API_KEY = DATADOG_FAKE_API_KEY;

/** A fixed Auth0 failure event: the input of the golden payload tests. */
export const GOLDEN_ENVELOPE: LogEnvelope = FAILED_LOGIN_ENVELOPE;

export const goldenBatch = () => batchFromEnvelopes([GOLDEN_ENVELOPE]);

export const makeContext = (policy?: EgressPolicy): ConnectorContext => testContext({ ...(policy ? { policy } : {}), clock: createManualClock() });

export function parseConfig(input: DatadogConfigInput): DatadogConfig {
  return datadogConnector.configSchema.parse(input);
}

/** A connector whose intake is the fake at `url`. */
export function connect(url: string, extra: Partial<DatadogConfigInput> = {}, ctx: ConnectorContext = makeContext()) {
  return datadogConnector.create(ctx, parseConfig({ datadogApiKey: API_KEY, datadogEndpoint: url, ...extra }));
}
