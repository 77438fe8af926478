// One connector wired to a fresh fake and a capturing logger; every result is checked as it comes back.
import { inspect } from 'node:util';
import {
  createEgressGuard,
  systemClock,
  type Connector,
  type ConnectorContext,
  type ConnectorDefinition,
  type DeliveryResult,
  type EgressGuard,
  type HealthResult,
  type LogBatch,
} from '@outflow/core';
import { afterEach, expect } from 'vitest';
import { captureLogger, type CapturedLogs } from '../capture-logger.js';
import type { FakeServer, RecordedRequest } from '../fake-server.js';
import { findSecretLeaks } from './leaks.js';
import type { ResolvedOptions } from './options.js';
import { deliveryResultProblems, healthResultProblems } from './results.js';

/**
 * Deadline of a send or healthcheck that states none: a guard against hangs, not a speed check
 * (a connector that loads its SDK on first use needs seconds on a loaded machine).
 */
const HANG_GUARD_MS = 25_000;

export interface Harness {
  fake: FakeServer;
  logs: CapturedLogs;
  ctx: ConnectorContext;
  connector: Connector;
  /** The raw config the connector was created from. */
  rawConfig: Record<string, unknown>;
  /** Requests of the fake that carried events (per `isDelivery`). */
  deliveries(): RecordedRequest[];
  /** `connector.send`, failing the test when it rejects, resolves a malformed result or leaks a secret. */
  send(batch: LogBatch, signal?: AbortSignal): Promise<DeliveryResult>;
  healthcheck(signal?: AbortSignal): Promise<HealthResult>;
}

export interface OpenOptions {
  /** Called with the fake before the connector is created (e.g. to close it). */
  beforeCreate?(fake: FakeServer): Promise<void> | void;
  /** The egress guard of this connector instead of one for `options.egress`. */
  egress?: EgressGuard;
}

/** Where a connector's promise went wrong: it rejected instead of resolving a result. */
async function settle<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw new Error(`${what} rejected instead of resolving a result: ${inspect(err, { depth: 2 })}`);
  }
}

/** Registers cleanup in the current describe block and returns a function opening harnesses. */
export function harnessFactory<C>(definition: ConnectorDefinition<C>, options: ResolvedOptions): (open?: OpenOptions) => Promise<Harness> {
  const opened: Harness[] = [];
  const secrets = options.secretValues;

  afterEach(async () => {
    for (const h of opened.splice(0)) {
      await h.connector.close().catch(() => {});
      await h.fake.close().catch(() => {});
      expect(findSecretLeaks(h.logs.entries, secrets), 'secrets found in the connector logs').toEqual([]);
    }
  });

  return async (open = {}) => {
    const fake = await options.startFake();
    const logs = captureLogger();
    const rawConfig = options.validConfig(fake);
    const config = definition.configSchema.parse(rawConfig);
    await open.beforeCreate?.(fake);
    const ctx: ConnectorContext = {
      streamId: 'ls_conformance',
      tenant: 'conformance',
      logger: logs.logger.child({ component: 'connector', type: definition.type, stream: 'ls_conformance' }),
      clock: systemClock,
      egress: open.egress ?? createEgressGuard(options.egress),
    };
    const connector = definition.create(ctx, config);
    const harness: Harness = {
      fake,
      logs,
      ctx,
      connector,
      rawConfig,
      deliveries: () => fake.requests.filter((r) => options.isDelivery(r)),
      async send(batch, signal = AbortSignal.timeout(HANG_GUARD_MS)) {
        const result = await settle('send', () => connector.send(batch, signal));
        expect(deliveryResultProblems(result, batch.length), 'send must resolve a well-formed DeliveryResult').toEqual([]);
        expect(findSecretLeaks(result, secrets), 'secrets found in the DeliveryResult').toEqual([]);
        return result;
      },
      async healthcheck(signal = AbortSignal.timeout(HANG_GUARD_MS)) {
        const result = await settle('healthcheck', () => connector.healthcheck(signal));
        expect(healthResultProblems(result), 'healthcheck must resolve a well-formed HealthResult').toEqual([]);
        expect(findSecretLeaks(result, secrets), 'secrets found in the HealthResult').toEqual([]);
        return result;
      },
    };
    opened.push(harness);
    return harness;
  };
}
