// One stream's worker: reads from its cursor, runs batches, commits them in order, waits when caught up.
import type { ReadResult } from '@outflow/core';
import { BatchJob, type CommitPoint } from './batch-job.js';
import { commitOnStop, commitPoint } from './commit.js';
import { errorText } from './health.js';
import { linkSignals } from './linked-signal.js';
import { processBatch } from './process-batch.js';
import { redriveBatch, RedriveQueue } from './redrive.js';
import { backOff } from './round.js';
import { storeFailed, storeWorked } from './store-failure.js';
import { readLimits } from './stream-batches.js';
import type { InflightBudget } from './inflight-budget.js';
import type { SharedReads } from './shared-reads.js';
import type { TenantNotifier } from './tenant-notifier.js';
import type { WorkerStatus } from './types.js';
import type { BatchEnd, WorkerContext } from './worker-context.js';

export type WorkerEnd = 'stopped' | 'suspended' | 'gone';

const POKED = 'poked';

export interface StreamWorker {
  status(): WorkerStatus;
  /** Stops reading; the request in flight may finish until `deadlineMs`, then it is aborted. */
  stop(deadlineMs: number): Promise<void>;
  /** Queues dead letters (ids) to be sent again through this worker's rounds. */
  redrive(ids: readonly number[]): void;
  /** Settles once the worker ended (stopped, suspended, or its stream is gone); connector closed. */
  readonly ended: Promise<WorkerEnd>;
}

interface Entry {
  job: BatchJob;
  abort: AbortController;
  end: BatchEnd | 'pending' | 'error';
  /** Where a resolved batch commits, kept while the store fails so a retry resumes it. */
  point?: CommitPoint | null;
}

/** What all workers of a supervisor share. */
export interface WorkerShared {
  notifier: TenantNotifier;
  reads: SharedReads;
  budget: InflightBudget;
}

export function startWorker(ctx: WorkerContext, shared: WorkerShared): StreamWorker {
  const { notifier, reads, budget } = shared;
  const { store, stream, options, logger, clock } = ctx;
  const { filter } = ctx;
  const { maxEvents, maxBytes } = readLimits(options.batch, ctx.limits);
  const soft = new AbortController();
  const hard = new AbortController();
  let wake = new AbortController();
  const queue: Entry[] = [];
  const running = new Set<Promise<void>>();
  let readCursor = ctx.committed.cursor;
  let epoch = 0;
  let resync: { delay: number } | null = null;
  let ending: WorkerEnd | null = null;
  let commits: Promise<void> = Promise.resolve();
  const redriving = new RedriveQueue();

  /** Wakes the reader from whatever it waits on (with a fixed reason: a default one is a DOMException with a stack, per poke). */
  const poke = () => {
    wake.abort(POKED);
    wake = new AbortController();
  };
  const waitPoke = () => {
    const link = linkSignals(wake.signal, soft.signal);
    return new Promise<void>((resolve) => {
      if (link.signal.aborted) resolve();
      else link.signal.addEventListener('abort', () => resolve(), { once: true });
    }).finally(link.dispose);
  };

  const end = (why: WorkerEnd) => {
    ending ??= why;
    soft.abort();
    hard.abort(new Error(`The worker ended (${why}).`));
    poke();
  };

  /** Drops every batch in flight and reloads the cursor from the store (after a replay or an error). */
  const requestResync = (delay: number) => {
    epoch++;
    for (const entry of queue) entry.abort.abort(new Error('The stream cursor moved.'));
    queue.length = 0;
    resync = { delay: Math.max(resync?.delay ?? 0, delay) };
    poke();
  };

  /**
   * Commits the resolved batches at the head of the queue in read order. When the store fails, the
   * batches stay queued (the destination has them) and only their commit is tried again, after the
   * growing round backoff; the full queue keeps the reader from sending more meanwhile.
   */
  const drain = async () => {
    for (let head = queue[0]; head && head.end === 'done'; head = queue[0]) {
      let ok = true;
      try {
        if (head.point === undefined) head.point = head.job.commitPoint();
        if (head.point) {
          ok = await commitPoint(ctx, head.job.generation, head.point);
          if (ctx.failure.store.failures > 0) await storeWorked(ctx, 'write');
        }
      } catch (err) {
        const delay = await storeFailed(ctx, 'Recording delivery progress', 'write', err);
        if (!(await backOff(ctx, delay, soft.signal))) break;
        continue;
      }
      if (queue[0] === head) queue.shift();
      if (!ok) {
        requestResync(0);
        break;
      }
    }
    poke();
  };

  const launch = (job: BatchJob, bytes: number) => {
    const entry: Entry = { job, abort: new AbortController(), end: 'pending' };
    queue.push(entry);
    const softLink = linkSignals(soft.signal, entry.abort.signal);
    const hardLink = linkSignals(hard.signal, entry.abort.signal);
    const settled = processBatch(ctx, job, { soft: softLink.signal, hard: hardLink.signal })
      .catch((err: unknown) => {
        logger.error({ error: errorText(err, ctx.secrets) }, 'A batch failed unexpectedly; reloading the stream.');
        return 'error' as const;
      })
      .then((result) => {
        softLink.dispose();
        hardLink.dispose();
        budget.release(bytes);
        entry.end = result;
        if (result === 'suspended') end('suspended');
        else if (result === 'error' && queue.includes(entry)) requestResync(options.roundBackoff.initial);
        commits = commits.then(drain);
      });
    running.add(settled);
    void settled.finally(() => running.delete(settled));
  };

  const reload = async (delay: number) => {
    if (delay > 0 && !(await backOff(ctx, delay, soft.signal))) return;
    await Promise.allSettled([...running]);
    await commits;
    try {
      const fresh = await store.streams.get(stream.id);
      if (!fresh) return end('gone');
      if (fresh.status !== 'active') return end('stopped');
      ctx.committed.cursor = fresh.state.cursor;
      ctx.committed.generation = fresh.state.generation;
      readCursor = fresh.state.cursor;
    } catch (err) {
      resync = { delay: await storeFailed(ctx, 'Reloading the stream', 'read', err) };
    }
  };

  const readNext = async (): Promise<void> => {
    const seen = notifier.version(stream.tenant);
    const before = epoch;
    // A batch's place in the budget is taken before its read and its bytes are added once known,
    // so read events wait only inside the budget: a thousand streams woken by one commit do not
    // each hold a read while they wait to send. Streams at one cursor still share the read.
    if (!(await budget.acquire(0, soft.signal))) return;
    const unreserve = () => budget.release(0);
    let read: ReadResult;
    try {
      read = await reads.read({ tenant: stream.tenant, afterSeq: readCursor, filter, maxEvents, maxBytes });
    } catch (err) {
      unreserve();
      requestResync(await storeFailed(ctx, 'Reading events', 'read', err));
      return;
    }
    if (ctx.failure.store.failures > 0) await storeWorked(ctx, 'read');
    if (epoch !== before || soft.signal.aborted) return unreserve();
    if (read.batch.length === 0 && read.scannedTo <= readCursor) {
      unreserve();
      // Caught up: sleep until the tenant's log grows (no polling).
      const link = linkSignals(wake.signal, soft.signal);
      await notifier.wait(stream.tenant, seen, link.signal).catch(() => undefined);
      link.dispose();
      return;
    }
    const bytes = read.batch.byteLength;
    budget.grow(bytes);
    if (epoch !== before) {
      budget.release(bytes);
      return;
    }
    readCursor = Math.max(readCursor, read.scannedTo);
    launch(new BatchJob(read.batch, read.scannedTo, ctx.committed.generation, stream), bytes);
  };

  const run = async (): Promise<WorkerEnd> => {
    logger.info({ cursor: readCursor, maxEvents, maxBytes, concurrency: options.concurrency }, 'The stream worker started.');
    while (!soft.signal.aborted) {
      if (resync) {
        const { delay } = resync;
        resync = null;
        await reload(delay);
      } else if (redriving.size > 0) {
        const result = await redriveBatch(ctx, redriving, maxEvents, maxBytes, { soft: soft.signal, hard: hard.signal }).catch((err: unknown) => {
          logger.error({ error: errorText(err, ctx.secrets) }, 'Sending dead letters again failed; they stay dead letters.');
          return 'done' as const;
        });
        if (result === 'suspended') end('suspended');
      } else if (queue.length >= options.concurrency) await waitPoke();
      else await readNext();
    }
    await Promise.allSettled([...running]);
    await commits;
    await commitOnStop(ctx, queue);
    return ending ?? 'stopped';
  };

  const ended = run()
    .catch((err: unknown) => {
      logger.error({ error: errorText(err, ctx.secrets) }, 'The stream worker failed.');
      return 'stopped' as const;
    })
    .then(async (why) => {
      ctx.status.finish(why === 'suspended' ? 'suspended' : 'stopped');
      await ctx.connector.close().catch((err: unknown) => logger.warn({ error: errorText(err, ctx.secrets) }, 'Closing the connector failed.'));
      logger.info({ cursor: ctx.committed.cursor, reason: why }, 'The stream worker stopped.');
      return why;
    });

  return {
    status: () => ctx.status.snapshot(),
    ended,
    redrive(ids) {
      redriving.add(ids);
      poke();
    },
    async stop(deadlineMs) {
      soft.abort();
      poke();
      const abortInFlight = () => hard.abort(new Error('The stop deadline passed.'));
      if (deadlineMs <= 0) abortInFlight();
      const timer = clock.setTimeout(abortInFlight, Math.max(0, deadlineMs));
      try {
        await ended;
      } finally {
        clock.clearTimeout(timer);
      }
    },
  };
}
