// Starts a runner from a loaded config: connectors, store, config streams, workers, HTTP server.
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { ConfigError, createEgressGuard, systemClock, type Clock, type DnsLookup, type Logger, type Store } from '@outflow/core';
import type { Supervisor } from '@outflow/delivery';
import type { ParsePool } from '@outflow/ingest';
import { openSqliteStore } from '@outflow/store-sqlite';
import type { LoadedConfig } from './config/load.js';
import { syncConfigStreams } from './config/stream-sync.js';
import { validateStreams } from './config/validate-streams.js';
import { createRootContainer } from './container.js';
import { loadConnectors } from './loading/package-loader.js';
import { createConnectorRegistry, type ConnectorRegistry } from './loading/registry.js';
import { createLogger } from './logger.js';
import { Tokens } from './tokens.js';

export interface StartOptions {
  clock?: Clock;
  /** Where logs go (default stdout). */
  logDestination?: NodeJS.WritableStream;
  /** DNS lookup behind the egress guard's connect-time check (tests); the system resolver by default. */
  dnsLookup?: DnsLookup;
}

export interface RunningApp {
  url: string;
  store: Store;
  supervisor: Supervisor;
  registry: ConnectorRegistry;
  logger: Logger;
  /** Stops intake, lets in-flight batches finish (or abandons them unacknowledged), closes the store. */
  close(deadlineMs?: number): Promise<void>;
}

/** Loads connectors and checks every configured stream; throws ConfigError naming each bad field. */
export async function prepareRegistry(loaded: LoadedConfig): Promise<ConnectorRegistry> {
  const registry = createConnectorRegistry(await loadConnectors(loaded.config.connectors, loaded.dir));
  const issues = await validateStreams(loaded.config, registry, createEgressGuard(loaded.config.egress));
  if (issues.length) throw new ConfigError('The configuration is invalid.', issues);
  return registry;
}

export async function startApp(loaded: LoadedConfig, options: StartOptions = {}): Promise<RunningApp> {
  const { config } = loaded;
  const clock = options.clock ?? systemClock;
  const root = createLogger(config.log.level, options.logDestination) as unknown as Logger;
  const logger = root.child({ component: 'runner' });
  const registry = await prepareRegistry(loaded);
  const store = await openSqliteStore({
    path: resolve(loaded.dir, config.store.sqlite.path),
    fsync: config.store.sqlite.fsync,
    cacheBytes: config.store.sqlite.cacheBytes,
    now: () => clock.now(),
    logger: root,
  });
  try {
    await syncConfigStreams(store, config.streams, root.child({ component: 'config' }), clock.now());
    const container = createRootContainer({ config, logger: root, clock, egress: createEgressGuard(config.egress, options.dnsLookup), registry, store });
    const supervisor = container.resolve<Supervisor>(Tokens.Supervisor);
    await supervisor.start();
    const server = container.resolve<Server>(Tokens.HttpServer);
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(config.server.port, config.server.host, () => ok());
    });
    const { port } = server.address() as AddressInfo;
    const host = config.server.host.includes(':') ? `[${config.server.host}]` : config.server.host;
    const url = `http://${host}:${port}`;
    logger.info({ url, streams: config.streams.length, connectors: registry.types() }, 'Outflow is listening.');
    let closing: Promise<void> | undefined;
    return {
      url,
      store,
      supervisor,
      registry,
      logger,
      close(deadlineMs = 10_000) {
        closing ??= (async () => {
          await new Promise<void>((ok) => {
            server.close(() => ok());
            server.closeIdleConnections();
          });
          await supervisor.stop(deadlineMs);
          await container.resolve<ParsePool>(Tokens.ParsePool).close();
          await store.close();
          logger.info({}, 'Outflow stopped.');
        })();
        return closing;
      },
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}
