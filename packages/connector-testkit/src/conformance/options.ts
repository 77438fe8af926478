// Options of the conformance suite and their defaults.
import type { EgressPolicy } from '@outflow/core';
import type { FakeServer, RecordedRequest } from '../fake-server.js';

export type ExpectedClass = 'success' | 'retryable' | 'permanent' | 'skip';

export interface PartialFailureScenario {
  /** Makes the fake refuse some events of the next delivery. */
  arrange(fake: FakeServer): void;
  batchSize: number;
  expectFailed: Array<{ index: number; retryable: boolean }>;
}

export interface ConformanceOptions {
  /** folder holding the connector's package.json */
  packageDir: string;
  startFake(): Promise<FakeServer>;
  /** raw sink config pointing at the fake */
  validConfig(fake: FakeServer): Record<string, unknown>;
  invalidConfigs: Array<{ config: Record<string, unknown> /** dotted field path the error must name */; path: string }>;
  /** secret strings present in validConfig */
  secretValues: string[];
  /** does this recorded request carry events (vs. auth/ack/health calls)? default: every POST */
  isDelivery?(req: RecordedRequest): boolean;
  /** make the fake answer an HTTP status for the next delivery; default fake.enqueue({status, headers}) */
  respondWith?(fake: FakeServer, status: number, headers?: Record<string, string>): void;
  /** vendor quirks: expected class per status when it differs from the default table, or 'skip' */
  statusExpectations?: Partial<Record<number, ExpectedClass>>;
  /** optional per-item partial failure scenario */
  partialFailure?: PartialFailureScenario;
  /** events per batch for happy paths (default min(limits.maxEvents, 10)) */
  batchSize?: number;
  /** default allow http + private */
  egress?: EgressPolicy;
  /**
   * false for connectors that do not speak HTTP (console, files, queues): skips the HTTP status
   * table, the network-failure cases, the 401 healthcheck and the request counting. Default true.
   */
  http?: boolean;
  /**
   * Why the connector opens no network connection at all (e.g. it writes to stdout or a file).
   * Only then is the check that a loopback destination is refused at connect time skipped.
   */
  withoutNetwork?: string;
  /**
   * For connectors without HTTP: how many events reached the destination configured by `config`
   * (e.g. lines in the file). Lets the suite check deliveries the fake cannot see.
   */
  deliveredEvents?(config: Record<string, unknown>): number | Promise<number>;
  /** make the fake never answer the next delivery; default fake.enqueue({stall: true}) */
  stall?(fake: FakeServer): void;
  /** make the fake refuse the credentials on every request; default a handler answering 401 */
  unauthorized?(fake: FakeServer): void;
}

export type ResolvedOptions = Required<Omit<ConformanceOptions, 'partialFailure' | 'batchSize' | 'deliveredEvents' | 'withoutNetwork'>> & {
  deliveredEvents: ConformanceOptions['deliveredEvents'];
  withoutNetwork: string | undefined;
  partialFailure: PartialFailureScenario | undefined;
  batchSize: number;
  /** true when respondWith is the default (the suite may then enqueue answers with bodies). */
  defaultResponder: boolean;
};

export function resolveOptions(options: ConformanceOptions, maxEvents: number): ResolvedOptions {
  return {
    ...options,
    isDelivery: options.isDelivery ?? ((req) => req.method === 'POST'),
    respondWith: options.respondWith ?? ((fake, status, headers) => fake.enqueue(headers ? { status, headers } : { status })),
    statusExpectations: options.statusExpectations ?? {},
    partialFailure: options.partialFailure,
    deliveredEvents: options.deliveredEvents,
    withoutNetwork: options.withoutNetwork,
    batchSize: options.batchSize ?? Math.min(maxEvents, 10),
    egress: options.egress ?? { allowHttp: true, allowPrivateNetworks: true },
    http: options.http ?? true,
    stall: options.stall ?? ((fake) => fake.enqueue({ stall: true })),
    unauthorized: options.unauthorized ?? ((fake) => fake.setHandler(() => ({ status: 401, body: { error: 'Unauthorized', message: 'Invalid API key.' } }))),
    defaultResponder: options.respondWith === undefined,
  };
}
