// Shared test fixtures: a golden envelope, a connector context, a config parser and a connector on a fake.
import { batchFromEnvelopes, createEgressGuard, type ConnectorContext, type EgressPolicy, type LogEnvelope, type Logger } from '@outflow/core';
import { createManualClock } from '@outflow/core/testing';
import { DATADOG_FAKE_API_KEY } from '@outflow/connector-testkit/fakes/datadog';
import { datadogConnector, type DatadogConfig, type DatadogConfigInput } from '../src/index.js';

export const API_KEY = DATADOG_FAKE_API_KEY;

export const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, child: () => silentLogger };

const LOG_ID = '90020260101120000123000000000001000000000000000000000042';

/** A fixed Auth0 failure event: the input of the golden payload tests. */
export const GOLDEN_ENVELOPE: LogEnvelope = {
  log_id: LOG_ID,
  data: {
    date: '2026-01-01T12:00:00.123Z',
    type: 'f',
    description: 'Wrong email or password.',
    hostname: 'acme.eu.auth0.com',
    ip: '203.0.113.7',
    user_name: 'ada@example.com',
    details: { error: { message: 'Wrong email or password.' } },
    log_id: LOG_ID,
  },
};

export const goldenBatch = () => batchFromEnvelopes([GOLDEN_ENVELOPE]);

export function makeContext(policy: EgressPolicy = { allowHttp: true, allowPrivateNetworks: true }): ConnectorContext {
  return { streamId: 'ls_test', tenant: 'acme', logger: silentLogger, clock: createManualClock(), egress: createEgressGuard(policy) };
}

export function parseConfig(input: DatadogConfigInput): DatadogConfig {
  return datadogConnector.configSchema.parse(input);
}

/** A connector whose intake is the fake at `url`. */
export function connect(url: string, extra: Partial<DatadogConfigInput> = {}, ctx: ConnectorContext = makeContext()) {
  return datadogConnector.create(ctx, parseConfig({ datadogApiKey: API_KEY, datadogEndpoint: url, ...extra }));
}

export const never = (): AbortSignal => new AbortController().signal;
