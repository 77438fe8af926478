// Stream leases: the optional store capability that lets several runners share streams (ADR 0019).

/** A runner as it registers in the membership table. */
export interface RunnerInfo {
  id: string;
  host: string;
  pid: number;
}

/** A stream held by a runner; `generation` is the fencing token (greater for every new claim). */
export interface StreamLease {
  streamId: string;
  generation: number;
  /** Changes when the stream is changed (patch, status, replay) through any runner; opaque. */
  version?: string;
}

/** What a commit carries to prove its runner still holds the stream. */
export interface LeaseFence {
  runnerId: string;
  generation: number;
}

export interface LeaseHeartbeat {
  /** The runner's leases that were still valid and are renewed now. */
  leases: StreamLease[];
  /** ⌈active streams ÷ live runners⌉: the most this runner should hold. */
  cap: number;
  runners: number;
  streams: number;
}

export interface LiveRunner extends RunnerInfo {
  startedAt: number;
  heartbeatAt: number;
  /** When the membership lapses without another heartbeat. */
  expiresAt: number;
  /** now() − heartbeat_at, both by the database's clock. */
  heartbeatAgeMs: number;
  /** The earliest expiry of the runner's live leases; null when it holds none. */
  leaseExpiresAt: number | null;
  streams: string[];
}

/** Membership and leases; every time is the database's clock. */
export interface StreamLeases {
  /** Registers or renews the runner and renews its unexpired leases to now + `ttlMs`, in one round trip. */
  heartbeat(runner: RunnerInfo, ttlMs: number): Promise<LeaseHeartbeat>;
  /** Takes up to `max` unleased or expired active streams (never a live lease of another runner). */
  claim(runnerId: string, max: number, ttlMs: number): Promise<StreamLease[]>;
  /** Deletes the runner's leases (all, or those named) so others claim them at once. */
  release(runnerId: string, streamIds?: readonly string[]): Promise<void>;
  /** Releases every lease and removes the membership row (graceful shutdown). */
  leave(runnerId: string): Promise<void>;
  /** Live runners with their leased streams. */
  runners(): Promise<LiveRunner[]>;
}

const STALE_LEASE = Symbol.for('outflow.stale-lease');

/** A write refused because its lease generation is not the stream's current, unexpired lease. */
export interface StaleLeaseError extends Error {
  readonly [STALE_LEASE]: true;
  readonly streamId: string;
  readonly generation: number;
}

export function staleLeaseError(streamId: string, generation: number): StaleLeaseError {
  const error = new Error(`The lease (generation ${generation}) on stream ${streamId} is no longer held; the write was refused.`) as Error & {
    streamId: string;
    generation: number;
  };
  error.name = 'StaleLeaseError';
  error.streamId = streamId;
  error.generation = generation;
  Object.defineProperty(error, STALE_LEASE, { value: true, enumerable: false });
  return error as StaleLeaseError;
}

/** Recognises a stale-lease refusal by its brand, whichever copy of core made it. */
export function isStaleLeaseError(err: unknown): err is StaleLeaseError {
  return typeof err === 'object' && err !== null && (err as Record<symbol, unknown>)[STALE_LEASE] === true;
}
