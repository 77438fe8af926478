// Test fixtures: the golden envelope, a context, a config parser and a connector on the fake Secure Audit Log.
import { batchFromEnvelopes, type ConnectorContext, type LogEnvelope, type Logger } from '@outflow/core';
import { createManualClock } from '@outflow/core/testing';
import { FAILED_LOGIN_ENVELOPE, testContext } from '@outflow/connector-testkit';
import { PANGEA_FAKE_CONFIG_ID, PANGEA_FAKE_TOKEN } from '@outflow/connector-testkit/fakes/pangea';
import { pangeaConnector, type PangeaConfig, type PangeaConfigInput } from '../src/index.js';

export { never, silentLogger } from '@outflow/connector-testkit';

export const TOKEN = PANGEA_FAKE_TOKEN;
export const CONFIG_ID = PANGEA_FAKE_CONFIG_ID;

/** A fixed Auth0 failed login: the input of the golden payload tests. */
export const GOLDEN_ENVELOPE: LogEnvelope = FAILED_LOGIN_ENVELOPE;

export const goldenBatch = () => batchFromEnvelopes([GOLDEN_ENVELOPE]);

export const makeContext = (logger?: Logger): ConnectorContext => testContext({ ...(logger ? { logger } : {}), clock: createManualClock() });

export function parseConfig(input: PangeaConfigInput): PangeaConfig {
  return pangeaConnector.configSchema.parse(input);
}

/** A connector whose Secure Audit Log is the fake at `url` (the base URL override, as proxies and tests use). */
export function connect(url: string, extra: Partial<PangeaConfigInput> = {}, ctx: ConnectorContext = makeContext()) {
  return pangeaConnector.create(ctx, parseConfig({ pangeaBaseUrl: url, pangeaToken: TOKEN, pangeaConfigId: CONFIG_ID, ...extra }));
}
