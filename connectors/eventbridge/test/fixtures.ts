// Test fixtures: the golden envelope and its series, a context with captured logs, config parsing.
import type { EgressPolicy, LogBatch, LogEnvelope, ConnectorContext } from '@outflow/core';
import { envelopeAt as seriesAt, goldenEnvelope, seriesBatch, testContext } from '@outflow/connector-testkit';
import { eventbridgeConnector, type EventbridgeConfig, type EventbridgeConfigInput } from '../src/index.js';

export { never } from '@outflow/connector-testkit';

export const ACCESS_KEY = 'AKIDFAKEOUTFLOW0001';
export const SECRET_KEY = 'fake/secret+access/key0123456789abcdefXYZ';

const LOG_ID = '90020260101000005123000000000000000000000000000000000042';

export const GOLDEN: LogEnvelope = goldenEnvelope({
  log_id: LOG_ID,
  date: '2026-01-01T00:00:05.123Z',
  type: 'fp',
  description: 'Wrong password',
  client_name: 'Acme Web',
  ip: '198.51.100.23',
  user_id: 'auth0|65a1f0c2e4b0a1b2c3d4e5f7',
  user_name: 'bob@example.com',
});

export const envelopeAt = (i: number, extra: Record<string, unknown> = {}): LogEnvelope => seriesAt(GOLDEN, i, extra);
export const makeBatch = (n: number, extra: Record<string, unknown> = {}): LogBatch => seriesBatch(GOLDEN, n, extra);
export const makeContext = (policy?: EgressPolicy) => testContext(policy ? { policy } : {});

export function parseConfig(input: EventbridgeConfigInput): EventbridgeConfig {
  return eventbridgeConnector.configSchema.parse(input);
}

/** A connector pointed at a fake, with static fake credentials (the default chain is never consulted). */
export function connect(endpoint: string, extra: Partial<EventbridgeConfigInput> = {}, ctx: ConnectorContext = makeContext()) {
  return eventbridgeConnector.create(
    ctx,
    parseConfig({ awsRegion: 'us-east-1', awsEndpoint: endpoint, awsAccessKeyId: ACCESS_KEY, awsSecretAccessKey: SECRET_KEY, ...extra }),
  );
}
