// Shared test fixtures: envelopes, batches, a connector context and a config parser.
import { batchFromEnvelopes, createEgressGuard, type ConnectorContext, type EgressPolicy, type LogBatch, type LogEnvelope, type Logger } from '@outflow/core';
import { createManualClock } from '@outflow/core/testing';
import { httpConnector, type HttpConfig, type HttpConfigInput } from '../src/index.js';

export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => silentLogger,
};

export function envelope(i: number, extra: Record<string, unknown> = {}): LogEnvelope {
  const log_id = `9002026010100000000000000000000000000000000000000000${String(i).padStart(3, '0')}`;
  return {
    log_id,
    data: { log_id, date: `2026-01-01T00:00:0${i % 10}.000Z`, type: 's', description: 'Success Login', user_name: `user${i}@example.com`, ...extra },
  };
}

export function makeBatch(n: number, first = 0): LogBatch {
  return batchFromEnvelopes(Array.from({ length: n }, (_, i) => envelope(first + i)));
}

export function makeContext(policy: EgressPolicy = { allowHttp: true, allowPrivateNetworks: true }, start?: number): ConnectorContext {
  return { streamId: 'ls_test', tenant: 'acme', logger: silentLogger, clock: createManualClock(start), egress: createEgressGuard(policy) };
}

export function parseConfig(input: HttpConfigInput): HttpConfig {
  return httpConnector.configSchema.parse(input);
}

export function connect(input: HttpConfigInput, ctx: ConnectorContext = makeContext()) {
  return httpConnector.create(ctx, parseConfig(input));
}

export const never = (): AbortSignal => new AbortController().signal;
