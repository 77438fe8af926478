// What the API routes need from the composition root.
import type { Logger, RunnerInfo, Store } from '@outflow/core';
import type { OpenStreamConnector, Supervisor } from '@outflow/delivery';
import type { ConnectorRegistry } from '../loading/registry.js';
import type { TailHub } from '../tail/types.js';
import type { TokenIndex } from './auth.js';
import type { RateLimitSettings } from './request-guard.js';

export interface ApiDeps {
  store: Store;
  registry: ConnectorRegistry;
  supervisor: Supervisor;
  tokens: TokenIndex;
  /** Per-token budgets (server.rateLimit), spent before routing. */
  rateLimit: RateLimitSettings;
  /** Delivery's stream-to-connector path bound to the runner's deps (its HTTP transport, egress guard, clock). */
  openConnector: OpenStreamConnector;
  logger: Logger;
  /** This runner: its identity among runners sharing the store, and when it started (epoch ms). */
  runner: RunnerInfo & { startedAt: number };
  retention: number;
  now: () => number;
  /** Live tails of accepted events (GET …/tail); none, the route answers 404. */
  tail?: TailHub;
}
