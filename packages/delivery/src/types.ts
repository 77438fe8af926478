// Public types of @outflow/delivery: supervisor, its dependencies, options and worker status.
import type { Clock, ConnectorDefinition, EgressGuard, HttpTransport, LogBatch, Logger, Store } from '@outflow/core';
import type { LeaseSettings } from './lease-coordinator.js';
import type { DeliveryObserver } from './observer.js';
import type { OpenStreamConnector } from './stream-connector.js';

/** The installed connectors, by stream type. */
export interface ConnectorRegistry {
  get(type: string): ConnectorDefinition<unknown> | undefined;
}

/** Exponential backoff between the attempts of one round. */
export interface AttemptBackoffOptions {
  /** Delay cap of the first retry (ms). */
  initial: number;
  /** Largest delay cap (ms). */
  max: number;
  /** `full`: a uniformly random delay up to the cap; `none`: exactly the cap. */
  jitter?: 'full' | 'none' | undefined;
}

/** Growing backoff between failed rounds. */
export interface RoundBackoffOptions {
  initial: number;
  multiplier: number;
  max: number;
}

export interface BatchOptions {
  maxEvents: number;
  maxBytes: number;
}

/** Every duration is in milliseconds. */
export interface DeliveryOptions {
  /** Attempts of one delivery round (default 3). */
  attemptsPerRound: number;
  /** Backoff between the attempts of a round (default 1 s doubling up to 10 s, full jitter). */
  attemptBackoff: AttemptBackoffOptions;
  /** A destination's Retry-After above this is clamped to it (default 5 min). */
  maxRetryAfter: number;
  /** Backoff between failed rounds (default 30 s doubling up to 10 min). */
  roundBackoff: RoundBackoffOptions;
  /** Failing this long suspends the stream (default 7 days). */
  suspendAfter: number;
  /** Events older than this are purged from the log (default 30 days). */
  retention: number;
  /** How often retention runs (default 1 hour). */
  retentionCheckInterval: number;
  /** Health records older than this are purged (default 30 days). */
  healthRetention: number;
  /** Most events and bytes read per batch; the connector's limits apply too (500, 4 MiB). */
  batch: BatchOptions;
  /** Time allowed for one attempt before it is aborted and counted as failed (default 30 s). */
  attemptTimeout: number;
  /** Batches in flight per stream (default 2); the cursor still advances in order. */
  concurrency: number;
  /** Bytes of batches in flight across all streams before workers wait (default 32 MiB). */
  maxInflightBytes: number;
  /** Batches in flight across all streams before workers wait (default 128). */
  maxInflightBatches: number;
  /** How long refresh() lets a replaced worker finish its in-flight request (default attemptTimeout). */
  stopDeadline?: number | undefined;
}

/** Options as callers give them: any field, nested objects partially. */
export type DeliveryOptionsInput = {
  [K in keyof DeliveryOptions]?: DeliveryOptions[K] extends object | undefined ? Partial<NonNullable<DeliveryOptions[K]>> : DeliveryOptions[K];
};

/**
 * Watches what destinations accept (live tails). `watching` is asked first, so a stream nobody
 * watches costs one lookup; `delivered` gets the events as sent (PII already applied) and must
 * return at once: it runs on the delivery path and its errors are ignored.
 */
export interface DeliveryTap {
  watching(streamId: string): boolean;
  delivered(stream: { id: string; tenant: string }, batch: LogBatch): void;
}

/** What a supervisor needs besides how it opens connectors. */
interface SupervisorBase {
  store: Store;
  clock?: Clock | undefined;
  logger: Logger;
  options?: DeliveryOptionsInput | undefined;
  /** Source of jitter in [0, 1) (tests); Math.random by default. */
  random?: (() => number) | undefined;
  /** With a store that has `leases`: this runner's identity and lease timings; it then delivers only the streams it leases. */
  cluster?: LeaseSettings | undefined;
  /** Told of each stream's attempts, acceptances, retries, failed rounds and dead letters (metrics). */
  /** Told of every accepted event of the streams it watches (live tails). */
  tap?: DeliveryTap | undefined;
  observer?: DeliveryObserver | undefined;
}

/**
 * Either the stream-to-connector path bound to the runner's deps (`openConnector`), or the parts to
 * build `openStreamConnector` over: the installed connectors, the egress guard and the HTTP transport
 * handed to every connector as `ctx.http`.
 */
export type SupervisorDeps = SupervisorBase &
  (
    | { openConnector: OpenStreamConnector }
    | { openConnector?: undefined; connectors: ConnectorRegistry; egress: EgressGuard; http?: HttpTransport | undefined }
  );

export type WorkerState = 'idle' | 'sending' | 'backing_off' | 'paused' | 'suspended' | 'stopped';

export interface WorkerError {
  /** `DeliveryErrorKind` of the failure, or `store` when the store failed (a full disk). */
  kind: string;
  status?: number | undefined;
  /** Redacted message. */
  message: string;
  at: number;
}

export interface WorkerStatus {
  state: WorkerState;
  /** When the next attempt is due while backing off (epoch ms), else null. */
  nextAttemptAt: number | null;
  /** Requests in flight to the destination. */
  inFlight: number;
  lastError: WorkerError | null;
}

export interface RetentionResult {
  /** Events removed from the log. */
  events: number;
  /** Streams that lost undelivered events. */
  streams: Array<{ streamId: string; lost: number }>;
  /** Health records removed. */
  healthRecords: number;
}

export interface Supervisor {
  /** Loads the streams, starts a worker per active stream and listens for new events. */
  start(): Promise<void>;
  /** Re-reads a stream after a change (create, update, pause, resume, delete, replay). */
  refresh(streamId: string): Promise<void>;
  /** Stops reading, lets in-flight requests finish until the deadline, then aborts them. */
  stop(deadlineMs?: number): Promise<void>;
  /** The stream's worker as it is now; undefined for a stream the supervisor does not know. */
  workerStatus(streamId: string): WorkerStatus | undefined;
  /**
   * Queues the stream's dead letters (all, or those of `ids`) to be sent again by its worker through
   * its normal rounds; each accepted one leaves the queue. Answers how many were queued, or null
   * when the stream has no running worker (paused, suspended, unusable config). When another runner
   * leases the stream, the letters are handed to it over the store's control channel (ADR 0020).
   */
  redrive(streamId: string, ids?: readonly number[]): Promise<number | null>;
  /** Purges events and health records past retention (also runs on a schedule). */
  runRetention(): Promise<RetentionResult>;
}
