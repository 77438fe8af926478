// Turns a stored stream into a running worker through the one stream-to-connector path, and probes it at start.
import type { Clock, Logger, Store, StoredStream } from '@outflow/core';
import { appendHealth, errorText } from './health.js';
import { probeAtStart } from './start-probe.js';
import { createStreamBackoff } from './stream-backoff.js';
import type { OpenStreamConnector } from './stream-connector.js';
import type { WorkerShared } from './worker.js';
import type { DeliveryObserver } from './observer.js';
import type { DeliveryOptions, DeliveryTap } from './types.js';
import { startWorker, type StreamWorker } from './worker.js';
import { WorkerStatusTracker } from './worker-status.js';

export interface WorkerDeps {
  store: Store;
  /** The stream-to-connector path bound to the runner's deps. */
  open: OpenStreamConnector;
  clock: Clock;
  logger: Logger;
  options: DeliveryOptions;
  random: () => number;
  shared: WorkerShared;
  observer?: DeliveryObserver | undefined;
  tap?: DeliveryTap | undefined;
}

export type BuildResult = { worker: StreamWorker } | { worker: null; status: WorkerStatusTracker };

/**
 * Starts a worker for an active stream. A config the connector refuses (schema, egress, unknown
 * type) leaves the stream active but idle, with a `delivery_failed`/`config` health record.
 * The start probe runs beside delivery: a failure is recorded, never a reason not to start.
 */
export async function buildWorker(deps: WorkerDeps, stream: StoredStream): Promise<BuildResult> {
  const { store, clock } = deps;
  const logger = deps.logger.child({ component: 'delivery', stream: stream.id, tenant: stream.tenant });
  const opened = await deps.open(stream);
  if (!opened.ok) {
    const { message } = opened.failure;
    await appendHealth({ store, stream, clock, logger, secrets: opened.secrets }, { kind: 'delivery_failed', errorKind: 'config', message });
    logger.warn({ type: stream.type, error: message }, 'The stream cannot start: its configuration was refused.');
    return { worker: null, status: new WorkerStatusTracker('idle', { kind: 'config', message, at: clock.now() }) };
  }
  const { connector, limits, secrets, transform, filter } = opened.stream;
  const backoff = createStreamBackoff(deps.options);
  const worker = startWorker(
    {
      stream,
      store,
      clock,
      options: deps.options,
      logger,
      connector,
      limits,
      secrets,
      transform,
      filter,
      random: deps.random,
      status: new WorkerStatusTracker(),
      backoff,
      failure: { failing: stream.state.failingSince !== null, store: { failures: 0, writes: false }, suspended: false },
      committed: { cursor: stream.state.cursor, generation: stream.state.generation },
      observer: deps.observer,
      tap: deps.tap,
    },
    deps.shared,
  );
  void probeAtStart({ store, stream, clock, logger, delivered: () => backoff.successes > 0 }, opened.stream, worker.ended).catch((err: unknown) => {
    logger.error({ error: errorText(err, secrets) }, 'The start probe could not be run.');
  });
  return { worker };
}
