// Test fixtures: the golden envelope and its series, a context with captured logs, config parsing.
import type { ConnectorContext, EgressPolicy, LogBatch, LogEnvelope } from '@outflow/core';
import { envelopeAt as seriesAt, goldenEnvelope, seriesBatch, testContext } from '@outflow/connector-testkit';
import { slackConnector, type SlackConfig, type SlackConfigInput } from '../src/index.js';

export { never } from '@outflow/connector-testkit';

export const TOKEN = 'xoxb-1111-2222-fakeTokenValue';

/** A failed login with characters mrkdwn must escape (<, >, &). */
const LOG_ID = '90020260101000005123000000000000000000000000000000000042';

export const GOLDEN: LogEnvelope = goldenEnvelope({
  log_id: LOG_ID,
  date: '2026-01-01T00:00:05.123Z',
  type: 'fp',
  description: 'Wrong password',
  connection: 'Username-Password-Authentication',
  client_id: 'AaiyAPdpYdesoKnqjj8HJqRn4T5titww',
  client_name: 'Acme <Web> & Co',
  ip: '198.51.100.23',
  user_id: 'auth0|65a1f0c2e4b0a1b2c3d4e5f7',
  user_name: 'bob@example.com',
  details: { error: { message: 'Wrong password.' } },
});

export const envelopeAt = (i: number, extra: Record<string, unknown> = {}): LogEnvelope => seriesAt(GOLDEN, i, extra);
export const makeBatch = (n: number): LogBatch => seriesBatch(GOLDEN, n);
export const makeContext = (policy?: EgressPolicy) => testContext(policy ? { policy } : {});

export function parseConfig(input: SlackConfigInput): SlackConfig {
  return slackConnector.configSchema.parse(input);
}

export function connect(input: SlackConfigInput, ctx: ConnectorContext = makeContext()) {
  return slackConnector.create(ctx, parseConfig(input));
}
