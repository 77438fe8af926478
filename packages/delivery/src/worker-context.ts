// Everything one stream's worker shares across its batches: stream, connector, options, state.
import type { BatchLimits, Clock, Connector, EventFilter, Logger, Store, StoredStream } from '@outflow/core';
import type { DeliveryObserver } from './observer.js';
import type { BatchTransform } from './pii.js';
import type { StreamBackoff } from './stream-backoff.js';
import type { DeliveryOptions, DeliveryTap } from './types.js';
import type { WorkerStatusTracker } from './worker-status.js';

export interface WorkerContext {
  readonly stream: StoredStream;
  readonly store: Store;
  readonly clock: Clock;
  readonly options: DeliveryOptions;
  /** Bound to `{component: 'delivery', stream}`. */
  readonly logger: Logger;
  readonly connector: Connector;
  readonly limits: BatchLimits;
  /** Secret values of the parsed config, redacted from every message. */
  readonly secrets: readonly string[];
  readonly transform: BatchTransform | null;
  /** The stream's filters as its store reads apply them (null: every event). */
  readonly filter: EventFilter | null;
  readonly random: () => number;
  readonly status: WorkerStatusTracker;
  /** The stream's round backoff, shared by its batches; any success wakes them all. */
  readonly backoff: StreamBackoff;
  /** Failure bookkeeping shared by the worker's batches. */
  readonly failure: {
    /** A failed round happened and no success yet (a success writes `recovered`). */
    failing: boolean;
    /** Store operations failed in a row (drives their backoff); `writes` when a write failed among them. */
    store: { failures: number; writes: boolean };
    /** The stream was suspended; every batch stops. */
    suspended: boolean;
  };
  /** Told of attempts, acceptances, retries, failed rounds and dead letters (the runner's metrics). */
  /** Told of accepted events while someone watches the stream (live tails). */
  readonly tap?: DeliveryTap | undefined;
  readonly observer?: DeliveryObserver | undefined;
  /** The stream's cursor and generation as this worker last committed or loaded them. */
  readonly committed: { cursor: number; generation: number };
}

/** Why a batch stopped short of being resolved. */
export type BatchEnd = 'done' | 'aborted' | 'suspended';

/** The worker's signals as one batch sees them. */
export interface BatchSignals {
  /** Stop starting anything new (stop requested, replay, suspension). */
  readonly soft: AbortSignal;
  /** Abort the request in flight (deadline of a stop, replay, suspension). */
  readonly hard: AbortSignal;
}
