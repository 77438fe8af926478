// What the API routes need from the composition root.
import type { EgressGuard, Logger, Store } from '@outflow/core';
import type { Supervisor } from '@outflow/delivery';
import type { ConnectorRegistry } from '../loading/registry.js';
import type { TokenIndex } from './auth.js';
import type { RateLimitSettings } from './request-guard.js';

export interface ApiDeps {
  store: Store;
  registry: ConnectorRegistry;
  supervisor: Supervisor;
  tokens: TokenIndex;
  /** Per-token budgets (server.rateLimit), spent before routing. */
  rateLimit: RateLimitSettings;
  egress: EgressGuard;
  logger: Logger;
  retention: number;
  now: () => number;
}
