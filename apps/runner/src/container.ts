// The composition root: explicit tokens and factories, no reflection-based injection. Tests override a token before it is resolved.
import { lookup } from 'node:dns';
import { resolve } from 'node:path';
import type { Server } from 'node:http';
import { createEgressGuard, systemClock, type Clock, type DnsLookup, type EgressGuard, type HttpTransport, type Logger, type Store } from '@outflow/core';
import { createSupervisor, streamConnectorFactory, type OpenStreamConnector, type Supervisor } from '@outflow/delivery';
import { createHttpTransport } from '@outflow/http';
import { createParsePool, defaultParseThreads, type ParsePool } from '@outflow/ingest';
import { container, instanceCachingFactory, type DependencyContainer } from 'tsyringe';
import type { RunnerConfig } from './config/schema.js';
import type { ConnectorRegistry } from './loading/registry.js';
import { namedTransport, runnerInfo } from './runner-identity.js';
import { createTokenIndex, type TokenIndex } from './server/auth.js';
import { createRunnerMetrics } from './metrics/create-metrics.js';
import type { RunnerMetrics } from './metrics/types.js';
import { createHttpServer } from './server/http-server.js';
import { createOpsHandler, type OpsHandler } from './server/ops-routes.js';
import { createReadiness, type Readiness } from './server/readiness.js';
import { findDashboardDir } from './server/static-route.js';
import { createTailHub } from './tail/tail-hub.js';
import type { TailHub } from './tail/types.js';
import { Tokens } from './tokens.js';

const systemLookup: DnsLookup = (hostname, options, callback) => lookup(hostname, options, callback);

/** One shared instance per container, made on first use from what the container holds. */
const shared = <T>(make: (c: DependencyContainer) => T) => ({ useFactory: instanceCachingFactory<T>(make) });

/**
 * The runner's container: config and logger given; clock and DNS lookup defaulted (override them
 * with `register` before resolving); the connector registry and the store are registered when loaded.
 * `dir` is the config file's folder (relative store paths start there).
 */
export function createRootContainer(config: RunnerConfig, logger: Logger, dir = process.cwd()): DependencyContainer {
  const root = container.createChildContainer();
  const runner = runnerInfo(config.cluster.runnerId);
  const startedAt = Date.now();
  /** Runners share a PostgreSQL store: each names itself on the requests it sends. */
  const sharedStore = config.store.postgres !== undefined;
  root.register(Tokens.Config, { useValue: config });
  root.register(Tokens.Logger, { useValue: logger });
  root.register(Tokens.Clock, { useValue: systemClock });
  root.register(Tokens.DnsLookup, { useValue: systemLookup });
  root.register(
    Tokens.Readiness,
    shared<Readiness>(() => createReadiness()),
  );
  const metrics = config.server.metrics;
  root.register(
    Tokens.Metrics,
    shared<RunnerMetrics | null>((c) => {
      if (!metrics.enabled) return null;
      const clock = c.resolve<Clock>(Tokens.Clock);
      return createRunnerMetrics({
        store: () => (c.isRegistered(Tokens.Store, true) ? c.resolve<Store>(Tokens.Store) : null),
        now: () => clock.now(),
        sqlitePath: config.store.sqlite ? resolve(dir, config.store.sqlite.path) : null,
        tenants: config.tokens.map((t) => t.tenant),
      });
    }),
  );
  root.register(
    Tokens.OpsHandler,
    shared<OpsHandler>((c) => {
      const registry = c.resolve<RunnerMetrics | null>(Tokens.Metrics);
      return createOpsHandler({
        readiness: c.resolve<Readiness>(Tokens.Readiness),
        metrics: registry ? { registry, path: metrics.path, token: metrics.token } : undefined,
      });
    }),
  );
  root.register(
    Tokens.Egress,
    shared<EgressGuard>((c) => createEgressGuard(config.egress, c.resolve<DnsLookup>(Tokens.DnsLookup))),
  );
  root.register(
    Tokens.HttpTransport,
    shared<HttpTransport>((c) => {
      const transport = createHttpTransport({ guard: c.resolve<EgressGuard>(Tokens.Egress), proxy: config.egress.proxy });
      return sharedStore ? namedTransport(transport, runner.id) : transport;
    }),
  );
  root.register(
    Tokens.OpenConnector,
    shared<OpenStreamConnector>((c) =>
      streamConnectorFactory({
        connectors: c.resolve<ConnectorRegistry>(Tokens.ConnectorRegistry),
        egress: c.resolve<EgressGuard>(Tokens.Egress),
        logger: c.resolve<Logger>(Tokens.Logger),
        clock: c.resolve<Clock>(Tokens.Clock),
        http: c.resolve<HttpTransport>(Tokens.HttpTransport),
      }),
    ),
  );
  root.register(
    Tokens.TokenIndex,
    shared<TokenIndex>((c) => {
      const clock = c.resolve<Clock>(Tokens.Clock);
      return createTokenIndex({
        tokens: config.tokens,
        store: c.resolve<Store>(Tokens.Store).tokens,
        now: () => clock.now(),
        cacheTtlMs: config.server.tokenCacheTtl,
        logger: c.resolve<Logger>(Tokens.Logger).child({ component: 'auth' }),
      });
    }),
  );
  root.register(
    Tokens.Supervisor,
    shared<Supervisor>((c) =>
      createSupervisor({
        store: c.resolve<Store>(Tokens.Store),
        clock: c.resolve<Clock>(Tokens.Clock),
        logger: c.resolve<Logger>(Tokens.Logger),
        openConnector: c.resolve<OpenStreamConnector>(Tokens.OpenConnector),
        options: { ...config.delivery, retention: config.retention },
        cluster: { runner, heartbeatInterval: config.cluster.heartbeatInterval, ttl: config.cluster.leaseTtl, margin: config.cluster.stopMargin },
        tap: c.resolve<TailHub>(Tokens.TailHub),
        observer: c.resolve<RunnerMetrics | null>(Tokens.Metrics)?.delivery,
      }),
    ),
  );
  root.register(
    Tokens.TailHub,
    shared<TailHub>(() => createTailHub()),
  );
  root.register(
    Tokens.ParsePool,
    shared<ParsePool>(() => createParsePool(config.server.parseThreads === 'auto' ? defaultParseThreads() : config.server.parseThreads)),
  );
  root.register(
    Tokens.HttpServer,
    shared<Server>((c) => {
      const clock = c.resolve<Clock>(Tokens.Clock);
      const log = c.resolve<Logger>(Tokens.Logger);
      return createHttpServer(
        {
          store: c.resolve<Store>(Tokens.Store),
          registry: c.resolve<ConnectorRegistry>(Tokens.ConnectorRegistry),
          supervisor: c.resolve<Supervisor>(Tokens.Supervisor),
          tokens: c.resolve<TokenIndex>(Tokens.TokenIndex),
          // Read on each request: a config reload replaces it.
          get rateLimit() {
            return config.server.rateLimit;
          },
          openConnector: c.resolve<OpenStreamConnector>(Tokens.OpenConnector),
          logger: log.child({ component: 'api' }),
          runner: { ...runner, startedAt },
          retention: config.retention,
          now: () => clock.now(),
          tail: c.resolve<TailHub>(Tokens.TailHub),
        },
        {
          maxBodyBytes: config.server.maxBodyBytes,
          maxEventsPerRequest: config.server.maxEventsPerRequest,
          parser: c.resolve<ParsePool>(Tokens.ParsePool),
          observe: c.resolve<RunnerMetrics | null>(Tokens.Metrics)?.ingest,
        },
        log.child({ component: 'http' }),
        {
          dashboardDir: config.server.dashboard ? findDashboardDir() : null,
          // With a metrics port of its own, the main port answers /livez and /readyz but not the metrics.
          ops: metrics.port === undefined ? c.resolve<OpsHandler>(Tokens.OpsHandler) : createOpsHandler({ readiness: c.resolve<Readiness>(Tokens.Readiness) }),
          limits: {
            requestTimeout: config.server.requestTimeout,
            headersTimeout: config.server.headersTimeout,
            keepAliveTimeout: config.server.keepAliveTimeout,
            maxConnections: config.server.maxConnections,
          },
        },
      );
    }),
  );
  return root;
}
