// The supervisor: one worker per active stream (per leased stream when runners share the store), started, rebuilt and stopped as streams change.
import { systemClock, type ControlEvent, type StoredStream } from '@outflow/core';
import { buildWorker, type WorkerDeps } from './build-worker.js';
import { resolveOptions } from './options.js';
import { streamConnectorFactory } from './stream-connector.js';
import { runRetention, scheduleRetention, type RetentionSchedule } from './retention.js';
import { createInflightBudget } from './inflight-budget.js';
import { fencedStore } from './fenced-store.js';
import { createLeaseCoordinator, type LeaseCoordinator } from './lease-coordinator.js';
import { createSharedReads } from './shared-reads.js';
import { createTenantNotifier, type TenantNotifier } from './tenant-notifier.js';
import type { Supervisor, SupervisorDeps, WorkerStatus } from './types.js';
import type { StreamWorker } from './worker.js';
import { WorkerStatusTracker } from './worker-status.js';

interface Slot {
  worker: StreamWorker | null;
  /** Status when there is no worker (paused, suspended, config refused). */
  status: WorkerStatusTracker;
  /** Changes to this stream, one at a time. */
  chain: Promise<void>;
}

const DEFAULT_STOP_DEADLINE = 10_000;

export function createSupervisor(deps: SupervisorDeps): Supervisor {
  const clock = deps.clock ?? systemClock;
  const options = resolveOptions(deps.options);
  const logger = deps.logger.child({ component: 'delivery' });
  const slots = new Map<string, Slot>();
  let notifier: TenantNotifier | null = null;
  let schedule: RetentionSchedule | null = null;
  let state: 'new' | 'running' | 'stopped' = 'new';
  const replaceDeadline = options.stopDeadline ?? options.attemptTimeout;

  const reads = createSharedReads(deps.store.events);
  const budget = createInflightBudget(options.maxInflightBytes, options.maxInflightBatches);
  const retention = () => runRetention(deps.store, clock, options, logger);

  const open = deps.openConnector ?? streamConnectorFactory({ connectors: deps.connectors, egress: deps.egress, logger: deps.logger, clock, http: deps.http });

  /** Set when runners share the store: workers run only for the streams this runner leases. */
  let leasing: LeaseCoordinator | null = null;
  const cluster = deps.store.leases && deps.cluster ? { leases: deps.store.leases, settings: deps.cluster } : null;

  const workerDeps = (id: string): WorkerDeps => ({
    store: cluster && leasing ? fencedStore(deps.store, { runnerId: cluster.settings.runner.id, generation: leasing.generation(id) ?? -1 }) : deps.store,
    open,
    clock,
    logger: deps.logger,
    options,
    random: deps.random ?? Math.random,
    shared: { notifier: notifier as TenantNotifier, reads, budget },
    observer: deps.observer,
    tap: deps.tap,
  });

  const slotOf = (id: string): Slot => {
    let slot = slots.get(id);
    if (!slot) slots.set(id, (slot = { worker: null, status: new WorkerStatusTracker('stopped'), chain: Promise.resolve() }));
    return slot;
  };

  /** Stops the slot's worker (if any), then starts what the stream's current state calls for. */
  const apply = async (id: string, read: StoredStream | null, deadline: number) => {
    const slot = slotOf(id);
    let stream = read;
    if (slot.worker) {
      await slot.worker.stop(deadline);
      slot.worker = null;
      // The old worker's last commits moved the cursor: start the new one from there, not from `read`.
      stream = await deps.store.streams.get(id);
    }
    if (!stream) {
      slots.delete(id);
      return;
    }
    if (leasing && leasing.generation(id) === undefined) {
      slot.status = new WorkerStatusTracker('stopped');
      return;
    }
    if (state !== 'running' || stream.status !== 'active') {
      slot.status = new WorkerStatusTracker(state !== 'running' || stream.status === 'active' ? 'stopped' : stream.status);
      return;
    }
    const built = await buildWorker(workerDeps(id), stream);
    if (built.worker) slot.worker = built.worker;
    else slot.status = built.status;
  };

  /** The stream's dead letter ids (those among `ids` when given), oldest first. */
  const letterIds = async (streamId: string, ids?: readonly number[]) => {
    const wanted = ids ? new Set(ids) : null;
    const targets: number[] = [];
    for (let after = 0; ; ) {
      const page = await deps.store.deadLetters.list(streamId, { afterId: after, limit: 1000 });
      if (page.length === 0) break;
      for (const l of page) if (!wanted || wanted.has(l.id)) targets.push(l.id);
      after = page[page.length - 1]?.id ?? after;
    }
    return targets;
  };

  /** Queues the letters on this runner's worker of the stream; null when it has none. */
  const redriveHere = async (streamId: string, ids?: readonly number[]) => {
    const worker = slots.get(streamId)?.worker;
    if (!worker || state !== 'running') return null;
    const targets = await letterIds(streamId, ids);
    if (targets.length > 0) worker.redrive(targets);
    logger.info({ stream: streamId, letters: targets.length }, 'Dead letters were queued to be sent again.');
    return targets.length;
  };

  /** Control messages of other runners (ADR 0020): a heartbeat now shows changed, deleted and new streams; a redrive is done by the owner. */
  let unsubscribe: (() => void) | null = null;
  const onControl = (event: ControlEvent) => {
    if (state !== 'running' || !leasing) return;
    if (event.op !== 'redrive') {
      leasing.nudge();
      return;
    }
    if (leasing.generation(event.streamId) === undefined) return;
    // After any worker start in progress, so a redrive sent just as the stream was gained is not lost.
    void serialize(event.streamId, async () => {
      const n = await redriveHere(event.streamId, event.ids);
      if (n === null) logger.warn({ stream: event.streamId }, 'A redrive asked through another runner found no worker here; the letters stay queued.');
    }).catch((err: unknown) => logger.error({ stream: event.streamId, error: String(err) }, 'A redrive asked through another runner failed.'));
  };

  /** Runs `task` after the stream's earlier changes, so a stream never has two workers. */
  const serialize = (id: string, task: () => Promise<void>): Promise<void> => {
    const slot = slotOf(id);
    const next = slot.chain.then(task);
    slot.chain = next.catch(() => undefined);
    return next;
  };

  return {
    async start() {
      if (state !== 'new') throw new Error('The supervisor was already started.');
      state = 'running';
      notifier = createTenantNotifier(deps.store.events);
      await retention().catch((err: unknown) => logger.error({ error: err instanceof Error ? err.message : String(err) }, 'Retention failed at start.'));
      if (cluster) {
        const rebuild = (id: string, deadline: number) =>
          serialize(id, async () => {
            if (state === 'running') await apply(id, await deps.store.streams.get(id), deadline);
          });
        leasing = createLeaseCoordinator(
          cluster.leases,
          cluster.settings,
          {
            gained: (l) => rebuild(l.streamId, replaceDeadline),
            changed: (id) => rebuild(id, replaceDeadline),
            lost: (id) => {
              // Stop reading and sending now, before any other await (the worker may wake on I/O first).
              void slots.get(id)?.worker?.stop(cluster.settings.margin / 2);
              return rebuild(id, cluster.settings.margin / 2);
            },
          },
          logger.child({ component: 'leases', runner: cluster.settings.runner.id }),
        );
        unsubscribe = deps.store.control?.subscribe(onControl) ?? null;
        await leasing.start();
      }
      const streams = await deps.store.streams.list();
      await Promise.all(streams.map((s) => serialize(s.id, () => apply(s.id, s, replaceDeadline))));
      schedule = scheduleRetention(clock, options.retentionCheckInterval, retention, logger);
      const active = streams.filter((s) => s.status === 'active').length;
      logger.info({ streams: streams.length, active }, 'The delivery supervisor started.');
    },

    async refresh(streamId) {
      if (state !== 'running') return;
      await serialize(streamId, async () => {
        if (state !== 'running') return;
        const stream = await deps.store.streams.get(streamId);
        await apply(streamId, stream, replaceDeadline);
        if (leasing && stream?.status === 'active' && leasing.generation(streamId) === undefined) leasing.nudge();
        logger.info({ stream: streamId, status: stream?.status ?? 'deleted' }, 'The stream was refreshed.');
      });
    },

    async stop(deadlineMs = DEFAULT_STOP_DEADLINE) {
      if (state === 'stopped') return;
      const wasRunning = state === 'running';
      state = 'stopped';
      schedule?.cancel();
      unsubscribe?.();
      await leasing?.stop();
      await Promise.all(
        [...slots.entries()].map(([id, slot]) =>
          serialize(id, async () => {
            if (slot.worker) await slot.worker.stop(deadlineMs);
            slot.worker = null;
            slot.status = new WorkerStatusTracker('stopped', slot.status.lastError);
          }),
        ),
      );
      // Workers committed what they delivered: hand the streams over at once.
      if (cluster && wasRunning)
        await cluster.leases.leave(cluster.settings.runner.id).catch((err: unknown) => logger.warn({ error: String(err) }, 'Could not release the leases.'));
      notifier?.close();
      if (wasRunning) logger.info({}, 'The delivery supervisor stopped.');
    },

    workerStatus(streamId): WorkerStatus | undefined {
      const slot = slots.get(streamId);
      if (!slot) return undefined;
      return slot.worker ? slot.worker.status() : slot.status.snapshot();
    },

    async redrive(streamId, ids) {
      const here = await redriveHere(streamId, ids);
      if (here !== null || state !== 'running' || !leasing || leasing.generation(streamId) !== undefined || !deps.store.control) return here;
      // Another runner owns the stream: it sends the letters, with its own fence and outflow-runner header.
      const stream = await deps.store.streams.get(streamId);
      if (stream?.status !== 'active') return null;
      const targets = await letterIds(streamId, ids);
      if (targets.length > 0) await deps.store.control.publish(ids ? { op: 'redrive', streamId, ids: targets } : { op: 'redrive', streamId });
      logger.info({ stream: streamId, letters: targets.length }, 'Dead letters were handed to the runner that owns the stream.');
      return targets.length;
    },

    runRetention: retention,
  };
}
