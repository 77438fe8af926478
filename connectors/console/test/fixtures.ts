// Shared test fixtures: envelopes, batches and a connector context.
import { batchFromEnvelopes, createEgressGuard, type ConnectorContext, type LogBatch, type LogEnvelope, type Logger } from '@outflow/core';
import { createManualClock } from '@outflow/core/testing';
import { consoleConnector, type ConsoleConfigInput } from '../src/index.js';

export const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, child: () => silentLogger };

export function envelope(i: number, extra: Record<string, unknown> = {}): LogEnvelope {
  const log_id = `90020260101000000000000000000000000000000000000000000${String(i).padStart(3, '0')}`;
  return {
    log_id,
    data: { log_id, date: `2026-01-01T00:00:0${i % 10}.000Z`, type: 's', description: 'Success Login', user_name: `user${i}@example.com`, ...extra },
  };
}

export function makeBatch(n: number, first = 0): LogBatch {
  return batchFromEnvelopes(Array.from({ length: n }, (_, i) => envelope(first + i)));
}

export function makeContext(): ConnectorContext {
  return {
    streamId: 'ls_test',
    tenant: 'acme',
    logger: silentLogger,
    clock: createManualClock(),
    egress: createEgressGuard({ allowHttp: false, allowPrivateNetworks: false }),
  };
}

export function connect(input: ConsoleConfigInput) {
  return consoleConnector.create(makeContext(), consoleConnector.configSchema.parse(input));
}

export const never = (): AbortSignal => new AbortController().signal;
