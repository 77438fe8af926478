// Public types of live tails: the in-process hub that delivery feeds and the API's tail connections read.
import type { LogBatch } from '@outflow/core';
import type { DeliveryTap } from '@outflow/delivery';

/** One tail connection's side of the hub. */
export interface TailListener {
  /** Events a destination accepted (as sent, PII applied); must return at once. */
  deliver(batch: LogBatch): void;
  /** The runner is stopping: end the connection. */
  close(): void;
}

export interface TailHub extends DeliveryTap {
  /** Adds a listener to a stream's deliveries; null when the hub already holds its maximum. Returns how to leave. */
  subscribe(streamId: string, listener: TailListener): (() => void) | null;
  /** Tail connections open now. */
  readonly size: number;
  /** Ends every tail (runner shutdown); later subscriptions are refused. */
  close(): void;
}

export interface TailHubOptions {
  /** Tail connections at most across the runner (default 64). */
  maxListeners?: number;
}

/** How one tail connection samples and buffers. */
export interface TailSessionOptions {
  /** Events per second at most; the rest are counted as skipped. */
  rate: number;
  /** Bytes waiting in the socket above which events are skipped (a slow client never slows delivery). */
  maxBufferedBytes: number;
  now: () => number;
  /** How often a skipped-count note and a keep-alive may be written (ms). */
  tickMs?: number;
}
