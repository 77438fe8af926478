// Test fixtures: the golden envelope, a context, a config parser and a connector on the fake Panther source.
import { batchFromEnvelopes, type ConnectorContext, type LogEnvelope } from '@outflow/core';
import { createManualClock } from '@outflow/core/testing';
import { FAILED_LOGIN_ENVELOPE, testContext } from '@outflow/connector-testkit';
import { PANTHER_FAKE_TOKEN } from '@outflow/connector-testkit/fakes/panther';
import { pantherConnector, type PantherConfig, type PantherConfigInput } from '../src/index.js';

export { never } from '@outflow/connector-testkit';

export const TOKEN = PANTHER_FAKE_TOKEN;
export const SHARED_SECRET = 'shared-secret-value-9f8e7d6c5b4a';
export const HMAC_KEY = 'hmac-key-material-0123456789abcdef';

/** A fixed Auth0 failure event: the input of the golden payload tests. */
export const GOLDEN_ENVELOPE: LogEnvelope = FAILED_LOGIN_ENVELOPE;

export const goldenBatch = () => batchFromEnvelopes([GOLDEN_ENVELOPE]);

/** Two golden events (the second with its own log_id): shows the separators of each format. */
export const twoBatch = () => {
  const id = `${GOLDEN_ENVELOPE.log_id.slice(0, -2)}43`;
  return batchFromEnvelopes([GOLDEN_ENVELOPE, { log_id: id, data: { ...GOLDEN_ENVELOPE.data, log_id: id } }]);
};

export const makeContext = (): ConnectorContext => testContext({ clock: createManualClock() });

export function parseConfig(input: PantherConfigInput): PantherConfig {
  return pantherConnector.configSchema.parse(input);
}

/** A connector on the source at `url`, bearer token by default. */
export function connect(url: string, extra: Partial<PantherConfigInput> = {}, ctx: ConnectorContext = makeContext()) {
  return pantherConnector.create(ctx, parseConfig({ pantherUrl: url, pantherAuthMethod: 'bearer', pantherBearerToken: TOKEN, ...extra } as PantherConfigInput));
}
