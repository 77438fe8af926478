// What the API routes need from the composition root.
import type { EgressGuard, Logger, Store } from '@outflow/core';
import type { Supervisor } from '@outflow/delivery';
import type { ConnectorRegistry } from '../loading/registry.js';
import type { TokenIndex } from './auth.js';

export interface ApiDeps {
  store: Store;
  registry: ConnectorRegistry;
  supervisor: Supervisor;
  tokens: TokenIndex;
  egress: EgressGuard;
  logger: Logger;
  retention: number;
  now: () => number;
}
