// Fixtures every connector's own tests share: a silent logger, a test context, golden envelopes and series.
import {
  batchFromEnvelopes,
  createEgressGuard,
  systemClock,
  type Clock,
  type ConnectorContext,
  type EgressPolicy,
  type LogBatch,
  type LogEnvelope,
  type Logger,
} from '@outflow/core';
import { captureLogger, type CapturedLogs } from './capture-logger.js';

export const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, child: () => silentLogger };

/** Loopback fakes need http and private addresses; tests of the egress policy pass their own. */
export const FAKE_EGRESS: EgressPolicy = { allowHttp: true, allowPrivateNetworks: true };

export interface TestContextOptions {
  policy?: EgressPolicy;
  clock?: Clock;
  /** A logger of the test's own; by default the context captures what the connector logs. */
  logger?: Logger;
}

/** A connector context for stream `ls_test` of tenant `acme`, with the captured logs beside it. */
export function testContext(options: TestContextOptions = {}): ConnectorContext & { logs: CapturedLogs } {
  const logs = captureLogger();
  return {
    streamId: 'ls_test',
    tenant: 'acme',
    logger: options.logger ?? logs.logger,
    clock: options.clock ?? systemClock,
    egress: createEgressGuard(options.policy ?? FAKE_EGRESS),
    logs,
  };
}

/** The envelope of an Auth0 event, whose `log_id` it repeats (the event's key order is kept). */
export function goldenEnvelope(data: LogEnvelope['data']): LogEnvelope {
  return { log_id: data.log_id, data };
}

/** Envelope `i` of a series derived from a golden one: its log_id ends in `i`, one second apart from 2026-01-01. */
export function envelopeAt(golden: LogEnvelope, i: number, extra: Record<string, unknown> = {}): LogEnvelope {
  const log_id = `${golden.log_id.slice(0, -3)}${String(i).padStart(3, '0')}`;
  return { log_id, data: { ...golden.data, log_id, date: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), ...extra } };
}

/** The first `n` envelopes of a golden envelope's series, as a batch. */
export function seriesBatch(golden: LogEnvelope, n: number, extra: Record<string, unknown> = {}): LogBatch {
  return batchFromEnvelopes(Array.from({ length: n }, (_, i) => envelopeAt(golden, i, extra)));
}

/** A signal that is never aborted. */
export const never = (): AbortSignal => new AbortController().signal;

/** A fixed Auth0 failed login (type `f`), `log_id` last as in Auth0's API answers: input of golden payload tests. */
export const FAILED_LOGIN_ENVELOPE: LogEnvelope = goldenEnvelope({
  date: '2026-01-01T12:00:00.123Z',
  type: 'f',
  description: 'Wrong email or password.',
  hostname: 'acme.eu.auth0.com',
  ip: '203.0.113.7',
  user_name: 'ada@example.com',
  details: { error: { message: 'Wrong email or password.' } },
  log_id: '90020260101120000123000000000001000000000000000000000042',
});
