// Test fixtures: the golden envelope and its series, a context, config parsing, a connector pointed at a fake.
import type { ConnectorContext, LogBatch, LogEnvelope } from '@outflow/core';
import { envelopeAt as seriesAt, goldenEnvelope, seriesBatch, testContext } from '@outflow/connector-testkit';
import { EVENTGRID_FAKE_KEY } from '@outflow/connector-testkit/fakes/eventgrid';
import { eventgridConnector, type EventgridConfig, type EventgridConfigInput } from '../src/index.js';

export { never } from '@outflow/connector-testkit';
export const KEY = EVENTGRID_FAKE_KEY;

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
export const makeContext = () => testContext();

export function parseConfig(input: EventgridConfigInput): EventgridConfig {
  return eventgridConnector.configSchema.parse(input);
}

/** A connector publishing to `url` (a fake's base URL) with the fake's key. */
export function connect(url: string, extra: Partial<EventgridConfigInput> = {}, ctx: ConnectorContext = makeContext()) {
  return eventgridConnector.create(ctx, parseConfig({ endpoint: `${url}/api/events`, accessKey: KEY, ...extra }));
}
