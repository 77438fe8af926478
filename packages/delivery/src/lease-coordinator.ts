// The lease loop of one runner (ADR 0019): heartbeat, notice lost leases, shed above the cap, claim below it, stop everything before a lapse.
import type { Logger, RunnerInfo, StreamLease, StreamLeases } from '@outflow/core';

/** Every duration in ms. */
export interface LeaseSettings {
  runner: RunnerInfo;
  /** Between heartbeats (default 2 s). */
  heartbeatInterval: number;
  /** Lease lifetime from each heartbeat, by the database's clock (default 10 s). */
  ttl: number;
  /** Workers stop this long before a lease could lapse when heartbeats fail (default 2 s). */
  margin: number;
}

export type LossReason = 'lapsed' | 'taken' | 'shed';

export interface LeaseHooks {
  /** Start the stream's worker. */
  gained(lease: StreamLease): Promise<void>;
  /** Stop the stream's worker (the lease is gone, or will be released once this resolves). */
  lost(streamId: string, reason: LossReason): Promise<void>;
  /** The stream was changed through some runner (its lease's version moved): rebuild its worker. */
  changed(streamId: string): Promise<void>;
}

export interface LeaseCoordinator {
  /** Runs the first heartbeat (and claim), then keeps beating. */
  start(): Promise<void>;
  /** Runs a heartbeat now, after the one in progress (a stream was changed here or through another runner); nudges meanwhile share it. */
  nudge(): void;
  /** The lease generation held for a stream, if any. */
  generation(streamId: string): number | undefined;
  /** Ends the loop; the caller stops the workers, then `leave()`s. */
  stop(): Promise<void>;
}

const monotonic = () => performance.now();

export function createLeaseCoordinator(leases: StreamLeases, settings: LeaseSettings, hooks: LeaseHooks, logger: Logger): LeaseCoordinator {
  const { runner, ttl, margin } = settings;
  const held = new Map<string, number>();
  const versions = new Map<string, string | undefined>();
  let stopped = false;
  let beat: NodeJS.Timeout | undefined;
  let lapse: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  /** Streams whose workers are stopping; their leases (still ours when shed) are not taken for new ones meanwhile. */
  const stopping = new Map<string, Promise<void>>();

  /**
   * Forgets the leases and stops their workers without holding up the heartbeat: under load, stopping
   * hundreds of workers can outlast a lease, and the leases still held must keep being renewed meanwhile.
   * `then` runs once every worker stopped (releasing shed leases) before the streams count as gone.
   */
  const drop = (ids: string[], reason: LossReason, then?: () => Promise<void>): Promise<void> => {
    for (const id of ids) {
      held.delete(id);
      versions.delete(id);
    }
    const stops = ids.map((id) =>
      hooks.lost(id, reason).catch((err: unknown) => {
        logger.error({ stream: id, error: err instanceof Error ? err.message : String(err) }, 'Stopping the worker of a lost lease failed.');
      }),
    );
    const done = Promise.all(stops).then(() => then?.());
    for (const id of ids) stopping.set(id, done);
    return done.finally(() => {
      for (const id of ids) if (stopping.get(id) === done) stopping.delete(id);
    });
  };

  /** Leases renewed by a heartbeat sent at `sentAt` last at least until sentAt + ttl: stop sending `margin` before. */
  const armLapse = (sentAt: number) => {
    clearTimeout(lapse);
    lapse = setTimeout(
      () => {
        if (held.size === 0) return;
        logger.warn({ streams: held.size }, 'No heartbeat succeeded in time: stopping every leased stream before its lease can lapse.');
        void drop([...held.keys()], 'lapsed');
      },
      Math.max(0, sentAt + ttl - margin - monotonic()),
    );
    lapse.unref();
  };

  const tick = async () => {
    const sentAt = monotonic();
    let beatResult: Awaited<ReturnType<StreamLeases['heartbeat']>>;
    try {
      beatResult = await leases.heartbeat(runner, ttl);
    } catch (err) {
      logger.warn({ error: err instanceof Error ? err.message : String(err) }, 'The lease heartbeat failed.');
      return;
    }
    if (stopped) return;
    armLapse(sentAt);
    const renewed = new Map(beatResult.leases.map((l) => [l.streamId, l.generation]));
    const taken = [...held].filter(([id, generation]) => renewed.get(id) !== generation).map(([id]) => id);
    if (taken.length > 0) {
      logger.warn({ streams: taken }, 'Leases were lost (taken over, or the stream was paused or deleted).');
      void drop(taken, 'taken');
    }
    // Leases the database says are ours but we never learnt of (a claim whose answer was lost): run them.
    const changed = beatResult.leases.filter((l) => held.has(l.streamId) && versions.get(l.streamId) !== l.version);
    for (const l of changed) versions.set(l.streamId, l.version);
    await Promise.all(changed.map((l) => hooks.changed(l.streamId)));
    const unknown = beatResult.leases.filter((l) => !held.has(l.streamId) && !taken.includes(l.streamId) && !stopping.has(l.streamId));
    for (const l of unknown) {
      held.set(l.streamId, l.generation);
      versions.set(l.streamId, l.version);
    }
    await Promise.all(unknown.map((l) => hooks.gained(l)));
    if (held.size > beatResult.cap) {
      const shed = [...held.keys()].sort().slice(beatResult.cap);
      // The shed leases stay ours (and renewed by the heartbeats) until their workers stopped; then they go.
      void drop(shed, 'shed', () => leases.release(runner.id, shed)).then(
        () => logger.info({ streams: shed.length, cap: beatResult.cap, runners: beatResult.runners }, 'Released leases above the cap for the other runners.'),
        (err: unknown) => logger.warn({ error: err instanceof Error ? err.message : String(err) }, 'Releasing shed leases failed; they lapse instead.'),
      );
    } else if (held.size < beatResult.cap) {
      const claimed = await leases.claim(runner.id, beatResult.cap - held.size, ttl);
      if (stopped) return;
      for (const l of claimed) {
        held.set(l.streamId, l.generation);
        versions.set(l.streamId, l.version);
      }
      await Promise.all(claimed.map((l) => hooks.gained(l)));
      if (claimed.length > 0) logger.info({ streams: claimed.length, held: held.size, cap: beatResult.cap }, 'Claimed stream leases.');
    }
  };

  /** A nudged heartbeat that has not started yet: later nudges are answered by it. */
  let nudged = false;

  const run = () => {
    running = running.then(tick).catch((err: unknown) => {
      logger.error({ error: err instanceof Error ? err.message : String(err) }, 'The lease loop failed; it retries on the next heartbeat.');
    });
    return running;
  };

  const schedule = () => {
    if (stopped) return;
    clearTimeout(beat);
    beat = setTimeout(() => void run().then(schedule), settings.heartbeatInterval);
    beat.unref();
  };

  return {
    async start() {
      await run();
      schedule();
    },
    nudge() {
      if (stopped || nudged) return;
      nudged = true;
      clearTimeout(beat);
      running = running.then(() => {
        nudged = false;
      });
      void run().then(schedule);
    },
    generation: (id) => held.get(id),
    async stop() {
      stopped = true;
      clearTimeout(beat);
      await running;
      await Promise.all(stopping.values());
      clearTimeout(lapse);
      held.clear();
      versions.clear();
    },
  };
}
