// Test fixtures: the golden envelope and its series, the fake's credentials, a context with captured logs, config parsing.
import type { ConnectorContext, LogBatch, LogEnvelope } from '@outflow/core';
import { envelopeAt as seriesAt, goldenEnvelope, seriesBatch, testContext } from '@outflow/connector-testkit';
import { mixpanelConnector, type MixpanelConfig, type MixpanelConfigInput } from '../src/index.js';

export { never } from '@outflow/connector-testkit';

export const PROJECT_ID = '3141592';
export const USERNAME = 'outflow.a1b2c3.mp-service-account';
export const SECRET = 'fake-mixpanel-sa-secret-0123456789abcdef';
export const CREDENTIALS = { projectId: PROJECT_ID, username: USERNAME, secret: SECRET };

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
export const makeContext = () => testContext();

export const baseInput = (host: string): MixpanelConfigInput => ({
  mixpanelProjectId: PROJECT_ID,
  mixpanelServiceAccountUsername: USERNAME,
  mixpanelServiceAccountPassword: SECRET,
  mixpanelHost: host,
});

export function parseConfig(input: MixpanelConfigInput): MixpanelConfig {
  return mixpanelConnector.configSchema.parse(input);
}

export function connect(host: string, extra: Partial<MixpanelConfigInput> = {}, ctx: ConnectorContext = makeContext()) {
  return mixpanelConnector.create(ctx, parseConfig({ ...baseInput(host), ...extra }));
}
