// Test fixtures: a context with a manual clock, a config parser and a connector on the fake OTLP receiver.
import { batchFromEnvelopes, type ConnectorContext, type EgressPolicy, type LogEnvelope } from '@outflow/core';
import { createManualClock } from '@outflow/core/testing';
import { FAILED_LOGIN_ENVELOPE, testContext } from '@outflow/connector-testkit';
import { otlpConnector, type OtlpConfig, type OtlpConfigInput } from '../src/index.js';

export { never } from '@outflow/connector-testkit';

export const API_KEY = 'nr_license_0123456789abcdefNRAL';

/** A fixed Auth0 failed login: the input of the golden request tests. */
export const GOLDEN_ENVELOPE: LogEnvelope = FAILED_LOGIN_ENVELOPE;
export const goldenBatch = () => batchFromEnvelopes([GOLDEN_ENVELOPE]);

/** The manual clock starts at 2026-01-01T00:00:00Z: every record's observedTimeUnixNano. */
export const OBSERVED_AT = Date.UTC(2026, 0, 1);

export const makeContext = (policy?: EgressPolicy) => testContext({ ...(policy ? { policy } : {}), clock: createManualClock(OBSERVED_AT) });

export function parseConfig(input: OtlpConfigInput): OtlpConfig {
  return otlpConnector.configSchema.parse(input);
}

/** A connector whose receiver is the fake at `url`, with the API key header. */
export function connect(url: string, extra: Partial<OtlpConfigInput> = {}, ctx: ConnectorContext = makeContext()) {
  return otlpConnector.create(ctx, parseConfig({ endpoint: url, headers: { 'api-key': API_KEY }, ...extra }));
}
