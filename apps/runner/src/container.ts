// The composition root: explicit tokens and factories, no reflection-based injection.
import type { Server } from 'node:http';
import type { Clock, EgressGuard, Logger, Store } from '@outflow/core';
import { createSupervisor, type Supervisor } from '@outflow/delivery';
import { createParsePool, defaultParseThreads, type ParsePool } from '@outflow/ingest';
import { container, instanceCachingFactory, type DependencyContainer } from 'tsyringe';
import type { RunnerConfig } from './config/schema.js';
import type { ConnectorRegistry } from './loading/registry.js';
import { createTokenIndex, type TokenIndex } from './server/auth.js';
import { createHttpServer } from './server/http-server.js';
import { findDashboardDir } from './server/static-route.js';
import { Tokens } from './tokens.js';

export interface RootValues {
  config: RunnerConfig;
  logger: Logger;
  clock: Clock;
  egress: EgressGuard;
  registry: ConnectorRegistry;
  store: Store;
}

export function createRootContainer(values: RootValues): DependencyContainer {
  const root = container.createChildContainer();
  root.register(Tokens.Config, { useValue: values.config });
  root.register(Tokens.Logger, { useValue: values.logger });
  root.register(Tokens.Clock, { useValue: values.clock });
  root.register(Tokens.Egress, { useValue: values.egress });
  root.register(Tokens.ConnectorRegistry, { useValue: values.registry });
  root.register(Tokens.Store, { useValue: values.store });
  root.register(Tokens.TokenIndex, {
    useFactory: instanceCachingFactory<TokenIndex>((c) => {
      const config = c.resolve<RunnerConfig>(Tokens.Config);
      const clock = c.resolve<Clock>(Tokens.Clock);
      return createTokenIndex({
        tokens: config.tokens,
        store: c.resolve<Store>(Tokens.Store).tokens,
        now: () => clock.now(),
        cacheTtlMs: config.server.tokenCacheTtl,
        logger: c.resolve<Logger>(Tokens.Logger).child({ component: 'auth' }),
      });
    }),
  });
  root.register(Tokens.Supervisor, {
    useFactory: instanceCachingFactory<Supervisor>((c) => {
      const config = c.resolve<RunnerConfig>(Tokens.Config);
      return createSupervisor({
        store: c.resolve<Store>(Tokens.Store),
        connectors: c.resolve<ConnectorRegistry>(Tokens.ConnectorRegistry),
        clock: c.resolve<Clock>(Tokens.Clock),
        logger: c.resolve<Logger>(Tokens.Logger),
        egress: c.resolve<EgressGuard>(Tokens.Egress),
        options: { ...config.delivery, retention: config.retention },
      });
    }),
  });
  root.register(Tokens.ParsePool, {
    useFactory: instanceCachingFactory<ParsePool>((c) => {
      const threads = c.resolve<RunnerConfig>(Tokens.Config).server.parseThreads;
      return createParsePool(threads === 'auto' ? defaultParseThreads() : threads);
    }),
  });
  root.register(Tokens.HttpServer, {
    useFactory: instanceCachingFactory<Server>((c) => {
      const config = c.resolve<RunnerConfig>(Tokens.Config);
      const clock = c.resolve<Clock>(Tokens.Clock);
      const logger = c.resolve<Logger>(Tokens.Logger);
      return createHttpServer(
        {
          store: c.resolve<Store>(Tokens.Store),
          registry: c.resolve<ConnectorRegistry>(Tokens.ConnectorRegistry),
          supervisor: c.resolve<Supervisor>(Tokens.Supervisor),
          tokens: c.resolve<TokenIndex>(Tokens.TokenIndex),
          rateLimit: config.server.rateLimit,
          egress: c.resolve<EgressGuard>(Tokens.Egress),
          logger: logger.child({ component: 'api' }),
          retention: config.retention,
          now: () => clock.now(),
        },
        { maxBodyBytes: config.server.maxBodyBytes, maxEventsPerRequest: config.server.maxEventsPerRequest, parser: c.resolve<ParsePool>(Tokens.ParsePool) },
        logger.child({ component: 'http' }),
        {
          dashboardDir: config.server.dashboard ? findDashboardDir() : null,
          limits: {
            requestTimeout: config.server.requestTimeout,
            headersTimeout: config.server.headersTimeout,
            keepAliveTimeout: config.server.keepAliveTimeout,
            maxConnections: config.server.maxConnections,
          },
        },
      );
    }),
  });
  return root;
}
