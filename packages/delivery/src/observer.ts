// The delivery observer: a small hook the runner's metrics listen on; delivery itself knows no metrics library.
import type { StoredStream } from '@outflow/core';

/** The stream an observation is about: only what a bounded label set may carry (never event fields). */
export interface ObservedStream {
  readonly id: string;
  /** The connector type. */
  readonly type: string;
  readonly tenant: string;
}

/** How one attempt to the destination ended. */
export type AttemptOutcomeKind = 'success' | 'partial' | 'retryable' | 'permanent' | 'aborted';

/** Called synchronously on the delivery path: implementations must be cheap and must not throw. */
export interface DeliveryObserver {
  /** One request to the destination ended after `durationMs`. */
  attempt(stream: ObservedStream, durationMs: number, outcome: AttemptOutcomeKind): void;
  /** The destination accepted `events` events; `firstSeq` is the oldest of them in the log. */
  accepted(stream: ObservedStream, events: number, firstSeq: number): void;
  /** Events are sent again after a failed attempt or round. */
  retried(stream: ObservedStream, events: number): void;
  /** A delivery round failed for `events` events (they will be retried after the round backoff). */
  failed(stream: ObservedStream, events: number): void;
  /** Events the destination refused for good were recorded as dead letters. */
  deadLettered(stream: ObservedStream, events: number): void;
}

/** The stream as an observation names it. */
export function observedStream(stream: Pick<StoredStream, 'id' | 'type' | 'tenant'>): ObservedStream {
  return { id: stream.id, type: stream.type, tenant: stream.tenant };
}

/** Calls the observer, if any; a throwing observer never breaks a delivery. */
export function notify(observer: DeliveryObserver | undefined, call: (o: DeliveryObserver) => void): void {
  if (!observer) return;
  try {
    call(observer);
  } catch {
    // Observation is best effort.
  }
}
