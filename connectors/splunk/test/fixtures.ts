// Shared test fixtures: a golden envelope, a connector context, a config parser and a connector on a fake.
import { batchFromEnvelopes, createEgressGuard, type ConnectorContext, type EgressPolicy, type LogEnvelope, type Logger } from '@outflow/core';
import { createManualClock } from '@outflow/core/testing';
import { SPLUNK_FAKE_TOKEN } from '@outflow/connector-testkit/fakes/splunk';
import { splunkConnector, type SplunkConfig, type SplunkConfigInput } from '../src/index.js';

export const TOKEN = SPLUNK_FAKE_TOKEN;

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

export function makeContext(policy: EgressPolicy = { allowHttp: true, allowPrivateNetworks: true }, logger: Logger = silentLogger): ConnectorContext {
  return { streamId: 'ls_test', tenant: 'acme', logger, clock: createManualClock(), egress: createEgressGuard(policy) };
}

export function parseConfig(input: SplunkConfigInput): SplunkConfig {
  return splunkConnector.configSchema.parse(input);
}

/** A connector whose HEC is the fake at `url` (a full URL in splunkDomain, as proxies and tests use). */
export function connect(url: string, extra: Partial<SplunkConfigInput> = {}, ctx: ConnectorContext = makeContext()) {
  return splunkConnector.create(ctx, parseConfig({ splunkDomain: url, splunkToken: TOKEN, ...extra }));
}

export const never = (): AbortSignal => new AbortController().signal;
