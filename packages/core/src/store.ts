// Store interfaces: the durable event log, streams with their delivery state, health, dead letters.
import type { ApiTokenRepository } from './api-tokens.js';
import type { LogBatch } from './batch.js';
import type { EventFilter } from './filter.js';
import type { StoreControl } from './control.js';
import type { LeaseFence, StreamLeases } from './leases.js';
import type { SharedRateBuckets } from './rate-buckets.js';
import type { DeadLetter, HealthRecord, StreamDefinition, StreamState, StreamStatus } from './types.js';

/**
 * Events of one ingest request, ready to store: each `{log_id, data}` envelope is a line of
 * `lines` ending in `\n`, and the indexed fields sit beside them, one entry per event.
 */
export interface PreparedBatch {
  tenant: string;
  lines: Buffer;
  /** End offset (exclusive, after the `\n`) of each event's line in `lines`. */
  ends: Uint32Array;
  logIds: string[];
  types: string[];
  /** Each event's own `date`, epoch ms. */
  dates: Float64Array;
}

export interface AppendResult {
  firstSeq: number;
  lastSeq: number;
  /** When the log recorded the batch (epoch ms); replay and retention use this time. */
  recordedAt: number;
}

export interface ReadQuery {
  tenant: string;
  /** Return events with a greater sequence number. */
  afterSeq: number;
  filter: EventFilter | null;
  maxEvents: number;
  /** Stop before the batch's envelopes exceed this many bytes (at least one event is returned). */
  maxBytes: number;
}

export interface ReadResult {
  batch: LogBatch;
  /**
   * The highest sequence number examined: events up to here either are in the batch or did not
   * match the filter, so the cursor may move here once the batch is delivered.
   */
  scannedTo: number;
}

export interface LogBounds {
  /** Sequence number of the newest event of the tenant (0 when none). */
  lastSeq: number;
  /** Sequence number of the oldest retained event of the tenant (0 when none). */
  firstSeq: number;
  /** When the newest event was recorded (epoch ms), or null. */
  lastRecordedAt: number | null;
}

export interface PurgeResult {
  /** Events removed from the log. */
  events: number;
  /** Streams whose cursor was moved forward, with how many of their events were lost. */
  streams: Array<{ streamId: string; lost: number }>;
}

/** The append-only event log. Sequence numbers increase across all tenants. */
export interface EventLog {
  /** Commits a batch durably (it survives kill -9 once the promise resolves). */
  append(batch: PreparedBatch, recordedAt?: number): Promise<AppendResult>;
  read(query: ReadQuery): Promise<ReadResult>;
  /** The cursor that makes the next read start at the first event recorded at or after `time`. O(log n). */
  seek(tenant: string, time: number): Promise<number>;
  bounds(tenant: string): Promise<LogBounds>;
  /** Events of the tenant with `afterSeq < seq <= uptoSeq` (matching the filter when given). */
  count(tenant: string, afterSeq: number, uptoSeq?: number, filter?: EventFilter | null): Promise<number>;
  /** When the event at `seq` was recorded, or null when it is not retained. */
  recordedAt(seq: number): Promise<number | null>;
  /**
   * Removes events recorded before `before`. Cursors of streams that had not delivered them
   * move forward, and a health record (`events_lost`) says how many of their events were lost.
   */
  purge(before: number): Promise<PurgeResult>;
  /** Called after each commit with the tenant and its new last sequence number. */
  subscribe(listener: (tenant: string, lastSeq: number) => void): () => void;
}

export interface StoredStream extends StreamDefinition {
  state: StreamState & {
    /** Bumped by each replay; commits made for an older generation are ignored. */
    generation: number;
  };
}

export type NewStream = Omit<StreamDefinition, 'createdAt' | 'updatedAt'>;
export type StreamPatch = Partial<Pick<StreamDefinition, 'name' | 'status' | 'sink' | 'filters' | 'pii_config' | 'isPriority'>>;

export interface DeliveryCommit {
  /** The stream's cursor generation when the batch was read. */
  generation: number;
  /** New cursor; the stored cursor only ever moves forward here. */
  cursor: number;
  delivered: number;
  at: number;
  /** Set for a leased stream: the store refuses the commit (`StaleLeaseError`) unless this is its current lease. */
  lease?: LeaseFence;
}

export interface StreamRepository {
  list(tenant?: string): Promise<StoredStream[]>;
  get(id: string): Promise<StoredStream | null>;
  /** Creates a stream with its cursor at `cursor`; rejects a duplicate id. */
  create(stream: NewStream, cursor: number, at: number): Promise<StoredStream>;
  update(id: string, patch: StreamPatch, at: number): Promise<StoredStream | null>;
  delete(id: string): Promise<boolean>;
  /** Records a delivered batch; false when the generation is stale (a replay moved the cursor). */
  commitDelivery(id: string, commit: DeliveryCommit): Promise<boolean>;
  /** Moves the cursor anywhere (replay); bumps the generation. */
  setCursor(id: string, cursor: number): Promise<StoredStream | null>;
  /** Notes a failed round: sets `failingSince` if unset, and `lastErrorAt`. With `fence`, refused (`StaleLeaseError`) unless it is the stream's current lease. */
  recordFailure(id: string, at: number, fence?: LeaseFence): Promise<StoredStream | null>;
  /** With `fence` (a worker suspending its stream), refused (`StaleLeaseError`) unless it is the stream's current lease. */
  setStatus(id: string, status: StreamStatus, reason: string | null, at: number, fence?: LeaseFence): Promise<StoredStream | null>;
  /** With `fence`, refused (`StaleLeaseError`) unless it is the stream's current lease. */
  addDeadLettered(id: string, count: number, fence?: LeaseFence): Promise<void>;
}

export type NewHealthRecord = Omit<HealthRecord, 'id'>;

export interface HealthLog {
  /** With `fence`, refused (`StaleLeaseError`) unless it is the stream's current lease. */
  append(record: NewHealthRecord, fence?: LeaseFence): Promise<void>;
  /** Newest first; `beforeId` pages backwards. */
  list(streamId: string, options?: { limit?: number; beforeId?: number; since?: number }): Promise<HealthRecord[]>;
  purge(before: number): Promise<number>;
}

export type NewDeadLetter = Omit<DeadLetter, 'id'>;

export interface DeadLetterQueue {
  /** Letters of one stream; with `fence`, refused (`StaleLeaseError`) unless it is the stream's current lease. */
  add(letters: readonly NewDeadLetter[], fence?: LeaseFence): Promise<void>;
  /** Oldest first; `afterId` pages forwards. */
  list(streamId: string, options?: { limit?: number; afterId?: number }): Promise<DeadLetter[]>;
  count(streamId: string): Promise<number>;
  remove(ids: readonly number[]): Promise<void>;
}

/** Delivery counts of one stream; `failed` counts events of failed rounds, once per round. */
export interface StreamCounts {
  delivered: number;
  failed: number;
  deadLettered: number;
  failedRounds: number;
}

/** The counts of one minute; `at` is the minute's start (epoch ms, a multiple of 60 000). */
export interface StatsBucket extends StreamCounts {
  at: number;
}

/** Per-stream per-minute delivery counters (for charts and cumulative health figures). */
export interface StreamStats {
  /** Adds counts to the minute that holds `at` (one call per batch or round, not per event); with `fence`, refused (`StaleLeaseError`) unless it is the stream's current lease. */
  add(streamId: string, at: number, counts: Partial<StreamCounts>, fence?: LeaseFence): Promise<void>;
  /** Minutes with counts and `from <= at < to`, oldest first. */
  list(streamId: string, from: number, to: number): Promise<StatsBucket[]>;
  /** Sums of every retained minute of the stream. */
  totals(streamId: string): Promise<StreamCounts>;
  /** Removes minutes that started before `before`; returns how many. */
  purge(before: number): Promise<number>;
}

export interface Store {
  /** API tokens minted with `outflow tokens create` (config tokens are not stored). */
  readonly tokens: ApiTokenRepository;
  readonly events: EventLog;
  readonly streams: StreamRepository;
  readonly health: HealthLog;
  readonly deadLetters: DeadLetterQueue;
  readonly stats: StreamStats;
  /** Present when several runners can share the store (PostgreSQL); absent means one runner delivers everything. */
  readonly leases?: StreamLeases;
  /** Present with `leases`: stream changes reach every runner at once (writes of streams publish by themselves). */
  readonly control?: StoreControl;
  /** Present when runners share rate budgets through the store (PostgreSQL); absent means each runner counts alone. */
  readonly rateBuckets?: SharedRateBuckets;
  close(): Promise<void>;
}
