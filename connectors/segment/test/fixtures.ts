// Test fixtures: the golden envelope and its series, a context with captured logs, config parsing.
import type { ConnectorContext, EgressPolicy, LogBatch, LogEnvelope } from '@outflow/core';
import { envelopeAt as seriesAt, goldenEnvelope, seriesBatch, testContext } from '@outflow/connector-testkit';
import { segmentConnector, type SegmentConfig, type SegmentConfigInput } from '../src/index.js';

export { never } from '@outflow/connector-testkit';

export const WRITE_KEY = 'fake-segment-write-key-0123456789';

export const LOG_ID = '90020260101000005123000000000000000000000000000000000042';

export const GOLDEN: LogEnvelope = goldenEnvelope({
  log_id: LOG_ID,
  date: '2026-01-01T00:00:05.123Z',
  type: 'fp',
  description: 'Wrong password',
  connection: 'Username-Password-Authentication',
  client_id: 'AaiyAPdpYdesoKnqjj8HJqRn4T5titww',
  client_name: 'Acme Web',
  ip: '198.51.100.23',
  user_agent: 'Chrome 120.0.0 / Mac OS X 10.15.7',
  user_id: 'auth0|65a1f0c2e4b0a1b2c3d4e5f7',
  user_name: 'bob@example.com',
  details: { error: { message: 'Wrong password.' } },
});

export const envelopeAt = (i: number, extra: Record<string, unknown> = {}): LogEnvelope => seriesAt(GOLDEN, i, extra);
export const makeBatch = (n: number, extra: Record<string, unknown> = {}): LogBatch => seriesBatch(GOLDEN, n, extra);
export const makeContext = (policy?: EgressPolicy) => testContext(policy ? { policy } : {});

export function parseConfig(input: SegmentConfigInput): SegmentConfig {
  return segmentConnector.configSchema.parse(input);
}

export function connect(host: string, extra: Partial<SegmentConfigInput> = {}, ctx: ConnectorContext = makeContext()) {
  return segmentConnector.create(ctx, parseConfig({ segmentWriteKey: WRITE_KEY, segmentHost: host, ...extra }));
}
