// Starts a runner from a loaded config: connectors, store, config streams, workers, HTTP server.
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { ConfigError, type Clock, type HttpTransport, type Logger, type Store } from '@outflow/core';
import type { OpenStreamConnector, Supervisor } from '@outflow/delivery';
import type { ParsePool } from '@outflow/ingest';
import type { DependencyContainer } from 'tsyringe';
import type { LoadedConfig } from './config/load.js';
import { applyOverrides, type ConfigOverrides } from './config/overrides.js';
import { createReloader, type ReloadResult } from './config/reload.js';
import { syncConfigStreams } from './config/stream-sync.js';
import { validateStreams } from './config/validate-streams.js';
import { createRootContainer } from './container.js';
import { loadConnectors } from './loading/package-loader.js';
import { createConnectorRegistry, type ConnectorRegistry } from './loading/registry.js';
import { createRunnerLogger } from './logger.js';
import { listenError } from './startup-error.js';
import { startOpsServer, type OpsServer } from './metrics/ops-server.js';
import type { OpsHandler } from './server/ops-routes.js';
import type { Readiness } from './server/readiness.js';
import { openConfiguredStore } from './store-factory.js';
import type { TailHub } from './tail/types.js';
import { Tokens } from './tokens.js';

export interface StartOptions {
  /** Where logs go (default stdout). */
  logDestination?: NodeJS.WritableStream;
  /**
   * Changes the runner's container before anything is resolved: tests register their own
   * `Tokens.Clock`, `Tokens.DnsLookup`, `Tokens.HttpTransport`, … with `container.register`.
   */
  configure?: (container: DependencyContainer) => void;
  /** `--port`, `--host`, `--log-level`: win over the file, also on reload. */
  overrides?: ConfigOverrides;
}

export interface RunningApp {
  url: string;
  store: Store;
  supervisor: Supervisor;
  registry: ConnectorRegistry;
  logger: Logger;
  /** The metrics port's URL when `server.metrics.port` is set, else null. */
  metricsUrl: string | null;
  /** The runner's container (what tests may inspect: the HTTP transport, the clock). */
  container: DependencyContainer;
  /** Stops intake, lets in-flight batches finish (or abandons them unacknowledged), closes the transport and the store. */
  close(deadlineMs?: number): Promise<void>;
  /** Re-reads the config file and applies streams, tokens, rate limits and the log level; an invalid file changes nothing. */
  reload(): Promise<ReloadResult>;
}

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

/** A runner container with its connectors loaded, for commands that do not start the runner (validate, connectors). */
export function createCliContainer(loaded: LoadedConfig): DependencyContainer {
  return createRootContainer(loaded.config, silent);
}

/**
 * Loads connectors into the container and checks every configured stream through its
 * stream-to-connector path; throws ConfigError naming each bad field.
 */
export async function prepareRegistry(loaded: LoadedConfig, container = createCliContainer(loaded)): Promise<ConnectorRegistry> {
  const registry = createConnectorRegistry(await loadConnectors(loaded.config.connectors, loaded.dir));
  container.register(Tokens.ConnectorRegistry, { useValue: registry });
  const issues = await validateStreams(loaded.config, registry, container.resolve<OpenStreamConnector>(Tokens.OpenConnector));
  if (issues.length) throw new ConfigError('The configuration is invalid.', issues);
  return registry;
}

/** Closes the container's HTTP transport (its sockets); the transport is made on first use, so this may make and close one. */
export async function closeTransport(container: DependencyContainer): Promise<void> {
  await container.resolve<HttpTransport>(Tokens.HttpTransport).close();
}

export async function startApp(loaded: LoadedConfig, options: StartOptions = {}): Promise<RunningApp> {
  const config = applyOverrides(loaded.config, options.overrides);
  const logs = createRunnerLogger(config.log, options.logDestination);
  const root = logs.logger as unknown as Logger;
  const logger = root.child({ component: 'runner' });
  const container = createRootContainer(config, root, loaded.dir);
  options.configure?.(container);
  const clock = container.resolve<Clock>(Tokens.Clock);
  let registry: ConnectorRegistry;
  try {
    registry = await prepareRegistry(loaded, container);
  } catch (err) {
    await closeTransport(container);
    throw err;
  }
  let store: Store | undefined;
  let ops: OpsServer | undefined;
  const readiness = container.resolve<Readiness>(Tokens.Readiness);
  try {
    // The metrics port opens first, so /readyz there answers 503 while the store opens.
    const { metrics } = config.server;
    if (metrics.enabled && metrics.port !== undefined) {
      ops = await startOpsServer(container.resolve<OpsHandler>(Tokens.OpsHandler), config.server.host, metrics.port, root.child({ component: 'metrics' }));
    }
    store = await openConfiguredStore(config.store, { dir: loaded.dir, now: () => clock.now(), logger: root });
    container.register(Tokens.Store, { useValue: store });
    await syncConfigStreams(store, config.streams, root.child({ component: 'config' }), clock.now());
    const supervisor = container.resolve<Supervisor>(Tokens.Supervisor);
    const server = container.resolve<Server>(Tokens.HttpServer);
    // Listen first: a busy port stops the start before any worker runs.
    await new Promise<void>((ok, fail) => {
      server.once('error', (err) => fail(listenError(err, config.server)));
      server.listen(config.server.port, config.server.host, () => ok());
    });
    try {
      await supervisor.start();
    } catch (err) {
      server.close();
      throw err;
    }
    const { port } = server.address() as AddressInfo;
    const host = config.server.host.includes(':') ? `[${config.server.host}]` : config.server.host;
    const url = `http://${host}:${port}`;
    readiness.started(container.resolve<ParsePool>(Tokens.ParsePool));
    logger.info({ url, streams: config.streams.length, connectors: registry.types() }, 'Outflow is listening.');
    const opened = store;
    const opsServer = ops;
    let closing: Promise<void> | undefined;
    return {
      url,
      store: opened,
      supervisor,
      registry,
      logger,
      metricsUrl: opsServer?.url ?? null,
      container,
      reload: createReloader({
        file: loaded.file,
        config,
        overrides: options.overrides,
        store: opened,
        supervisor,
        tokens: container.resolve(Tokens.TokenIndex),
        registry,
        openConnector: container.resolve(Tokens.OpenConnector),
        setLogLevel: logs.setLevel,
        logger: root.child({ component: 'config' }),
        now: () => clock.now(),
      }),
      close(deadlineMs = 10_000) {
        closing ??= (async () => {
          readiness.stopping();
          await new Promise<void>((ok) => {
            // Connections still open after a grace are cut: Node's closeIdleConnections leaves those a client opened
            // but never sent a request on (Node's fetch opens a spare one when a streamed answer, a tail, is aborted).
            const force = setTimeout(() => server.closeAllConnections(), Math.min(5000, deadlineMs / 2));
            server.close(() => {
              clearTimeout(force);
              ok();
            });
            // Live tails never end by themselves: end them so the server can close.
            container.resolve<TailHub>(Tokens.TailHub).close();
            server.closeIdleConnections();
          });
          await supervisor.stop(deadlineMs);
          // After the workers, so no batch loses its socket before its deadline.
          await closeTransport(container);
          await container.resolve<ParsePool>(Tokens.ParsePool).close();
          await opened.close();
          // Last: the metrics port answers /readyz (503) while the runner drains.
          await opsServer?.close();
          logger.info({}, 'Outflow stopped.');
        })();
        return closing;
      },
    };
  } catch (err) {
    await closeTransport(container);
    await store?.close();
    await ops?.close();
    throw err;
  }
}
