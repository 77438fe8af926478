// GET /api/v2/log-streams/{id}/health: status, lag, counts, the stream's worker and its health records.
import type { StreamStatus } from './streams.js';

/** One health record: a failed round, lost events, suspension, dead letters, recovery, replay, redrive, a failed start probe. */
export interface HealthRecordView {
  id: number;
  streamId: string;
  tenant: string;
  /** ISO date. */
  at: string;
  kind: 'delivery_failed' | 'events_lost' | 'dead_lettered' | 'suspended' | 'recovered' | 'cursor_moved' | 'redriven' | 'probe_failed';
  /** Error class of a failed delivery (`transient`, `throttled`, `auth`, `invalid`, `config`). */
  errorKind?: string;
  /** HTTP status the destination answered. */
  status?: number;
  message: string;
  attempts?: number;
  /** Events concerned (lost, dead-lettered, in the failed batch, redriven). */
  count?: number;
}

/** What the stream's running worker is doing; times are epoch ms. */
export interface WorkerView {
  state: 'idle' | 'sending' | 'backing_off' | 'paused' | 'suspended' | 'stopped';
  /** When the next attempt is due while backing off, else null. */
  nextAttemptAt: number | null;
  /** Requests in flight to the destination. */
  inFlight: number;
  lastError: { kind: string; status?: number; message: string; at: number } | null;
}

/** Why events of a stream were last moved to dead letters. */
export interface LastDeadLetterView {
  at: string;
  errorKind?: string;
  status?: number;
  message: string;
  count?: number;
}

export interface StreamHealthView {
  id: string;
  status: StreamStatus;
  suspendedReason?: string;
  cursor: number;
  lastSeq: number;
  lagEvents: number;
  lagSeconds: number;
  /** Events delivered since the stream was created. */
  delivered: number;
  /** Events of failed delivery rounds, summed over the retained per-minute stats. */
  failed: number;
  failedRounds: number;
  /** Events moved to dead letters since the stream was created. */
  deadLettered: number;
  /** Dead letters waiting now. */
  deadLetters: number;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  failingSince: string | null;
  /** The newest dead-lettering among the recent health records: when, why and how many; null when none. */
  lastDeadLetter?: LastDeadLetterView | null;
  /** Null when the stream has no worker (paused, or its config is unusable). */
  worker: WorkerView | null;
  /** The runner delivering the stream (its lease holder on a shared PostgreSQL store); null when none does (paused, or unleased right now). */
  runner: string | null;
  /** Newest first. */
  records: HealthRecordView[];
}
