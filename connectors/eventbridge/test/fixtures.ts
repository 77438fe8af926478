// Shared test fixtures: a golden envelope, batches, a connector context with captured logs, config parsing.
import { batchFromEnvelopes, createEgressGuard, systemClock, type ConnectorContext, type EgressPolicy, type LogBatch, type LogEnvelope } from '@outflow/core';
import { captureLogger, type CapturedLogs } from '@outflow/connector-testkit';
import { eventbridgeConnector, type EventbridgeConfig, type EventbridgeConfigInput } from '../src/index.js';

export const ACCESS_KEY = 'AKIDFAKEOUTFLOW0001';
export const SECRET_KEY = 'fake/secret+access/key0123456789abcdefXYZ';

const LOG_ID = '90020260101000005123000000000000000000000000000000000042';

export const GOLDEN: LogEnvelope = {
  log_id: LOG_ID,
  data: {
    log_id: LOG_ID,
    date: '2026-01-01T00:00:05.123Z',
    type: 'fp',
    description: 'Wrong password',
    client_name: 'Acme Web',
    ip: '198.51.100.23',
    user_id: 'auth0|65a1f0c2e4b0a1b2c3d4e5f7',
    user_name: 'bob@example.com',
  },
};

export function envelopeAt(i: number, extra: Record<string, unknown> = {}): LogEnvelope {
  const log_id = `${LOG_ID.slice(0, -3)}${String(i).padStart(3, '0')}`;
  return { log_id, data: { ...GOLDEN.data, log_id, date: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), ...extra } };
}

export function makeBatch(n: number, extra: Record<string, unknown> = {}): LogBatch {
  return batchFromEnvelopes(Array.from({ length: n }, (_, i) => envelopeAt(i, extra)));
}

export function makeContext(policy: EgressPolicy = { allowHttp: true, allowPrivateNetworks: true }): ConnectorContext & { logs: CapturedLogs } {
  const logs = captureLogger();
  return { streamId: 'ls_test', tenant: 'acme', logger: logs.logger, clock: systemClock, egress: createEgressGuard(policy), logs };
}

export function parseConfig(input: EventbridgeConfigInput): EventbridgeConfig {
  return eventbridgeConnector.configSchema.parse(input);
}

/** A connector pointed at a fake, with static fake credentials (the default chain is never consulted). */
export function connect(endpoint: string, extra: Partial<EventbridgeConfigInput> = {}, ctx: ConnectorContext = makeContext()) {
  return eventbridgeConnector.create(ctx, parseConfig({ awsRegion: 'us-east-1', awsEndpoint: endpoint, awsAccessKeyId: ACCESS_KEY, awsSecretAccessKey: SECRET_KEY, ...extra }));
}

export const never = (): AbortSignal => new AbortController().signal;
