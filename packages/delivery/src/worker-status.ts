// What a worker is doing right now: requests in flight, backoffs, last error, final state.
import type { WorkerError, WorkerState, WorkerStatus } from './types.js';

export class WorkerStatusTracker {
  private sending = 0;
  private readonly backoffs = new Map<symbol, number>();
  private final: WorkerState | null = null;
  lastError: WorkerError | null = null;

  constructor(initial: WorkerState | null = null, lastError: WorkerError | null = null) {
    this.final = initial;
    this.lastError = lastError;
  }

  requestStarted(): void {
    this.sending++;
  }

  requestEnded(): void {
    this.sending = Math.max(0, this.sending - 1);
  }

  /** Notes a backoff until `until`; call the returned function when it ends. */
  backingOff(until: number): () => void {
    const key = Symbol('backoff');
    this.backoffs.set(key, until);
    return () => this.backoffs.delete(key);
  }

  /** A state that holds whatever else happens (stopped, suspended, paused). */
  finish(state: WorkerState): void {
    this.final = state;
  }

  snapshot(): WorkerStatus {
    let nextAttemptAt: number | null = null;
    for (const until of this.backoffs.values()) nextAttemptAt = nextAttemptAt === null ? until : Math.min(nextAttemptAt, until);
    let state: WorkerState;
    if (this.final) state = this.final;
    else if (this.sending > 0) state = 'sending';
    else if (nextAttemptAt !== null) state = 'backing_off';
    else state = 'idle';
    return {
      state,
      nextAttemptAt: state === 'backing_off' ? nextAttemptAt : null,
      inFlight: this.sending,
      lastError: this.lastError ? { ...this.lastError } : null,
    };
  }
}
