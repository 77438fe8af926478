// A connector's work in flight: close waits for it up to a bound, then aborts it, then releases once.
import type { Clock } from '@outflow/core';

/** How long `close()` waits for sends in flight before aborting them. */
export const CLOSE_WAIT_MS = 10_000;

export interface InFlight {
  /** True once `close` was called. */
  readonly closed: boolean;
  /** Aborts when close's wait runs out: link it into every request. */
  readonly signal: AbortSignal;
  /** Registers work in flight and hands it back. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Waits for the work in flight (aborting it after CLOSE_WAIT_MS), then runs `release` once; later calls get the same promise. */
  close(release: () => void | Promise<void>): Promise<void>;
}

export function trackInFlight(clock: Pick<Clock, 'setTimeout' | 'clearTimeout'>): InFlight {
  const stop = new AbortController();
  const pending = new Set<Promise<unknown>>();
  let closing: Promise<void> | undefined;
  return {
    get closed() {
      return closing !== undefined;
    },
    signal: stop.signal,
    track(work) {
      const done = () => void pending.delete(work);
      pending.add(work);
      work.then(done, done);
      return work;
    },
    close(release) {
      if (!closing) {
        const timer = clock.setTimeout(() => stop.abort(), CLOSE_WAIT_MS);
        closing = Promise.allSettled([...pending]).then(async () => {
          clock.clearTimeout(timer);
          await release();
        });
      }
      return closing;
    },
  };
}
