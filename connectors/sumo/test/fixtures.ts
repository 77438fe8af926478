// Test fixtures: the golden envelope, a config parser and a connector on the fake source.
import { batchFromEnvelopes, type ConnectorContext, type LogEnvelope } from '@outflow/core';
import { FAILED_LOGIN_ENVELOPE, testContext } from '@outflow/connector-testkit';
import { sumoConnector, type SumoConfig, type SumoConfigInput } from '../src/index.js';

export { never } from '@outflow/connector-testkit';

/** A fixed Auth0 failure event: the input of the golden payload tests. */
export const GOLDEN_ENVELOPE: LogEnvelope = FAILED_LOGIN_ENVELOPE;
export const goldenBatch = () => batchFromEnvelopes([GOLDEN_ENVELOPE]);

export const ADDRESS = 'https://endpoint4.collection.sumologic.com/receiver/v1/http/ZaVnC4dhaV3goldenSourceCode0123456789';
export const ENDPOINT = 'https://endpoint4.collection.sumologic.com/receiver/v1/http';

export function parseConfig(input: SumoConfigInput): SumoConfig {
  return sumoConnector.configSchema.parse(input);
}

/** A connector for `input`, with a test context (its captured logs on `ctx.logs`). */
export function connect(input: SumoConfigInput, ctx: ConnectorContext = testContext()) {
  return sumoConnector.create(ctx, parseConfig(input));
}
