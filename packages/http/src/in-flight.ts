// A connector's work in flight: close waits for it up to a bound, then aborts it, then releases once.
import { setMaxListeners } from 'node:events';
import type { Clock } from '@outflow/core';
import { linkedSignal } from './linked-signal.js';

/** How long `close()` waits for sends in flight before aborting them. */
export const CLOSE_WAIT_MS = 10_000;

export interface InFlight {
  /** True once `close` was called. */
  readonly closed: boolean;
  /** Aborts when close's wait runs out: link it into every request. */
  readonly signal: AbortSignal;
  /** Registers work in flight and hands it back. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Tracks `work`, handing it a signal that aborts with `signal` or at close's bound (unlinked when it settles). */
  run<T>(signal: AbortSignal, work: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Waits for the work in flight (aborting it after CLOSE_WAIT_MS), then runs `release` once; later calls get the same promise. */
  close(release: () => void | Promise<void>): Promise<void>;
}

export function trackInFlight(clock: Pick<Clock, 'setTimeout' | 'clearTimeout'>): InFlight {
  const stop = new AbortController();
  // Every request in flight listens to it (unlinked when it settles): no listener-leak warning at 11.
  setMaxListeners(0, stop.signal);
  const pending = new Set<Promise<unknown>>();
  let closing: Promise<void> | undefined;
  const track = <T>(work: Promise<T>): Promise<T> => {
    const done = () => void pending.delete(work);
    pending.add(work);
    work.then(done, done);
    return work;
  };
  return {
    get closed() {
      return closing !== undefined;
    },
    signal: stop.signal,
    track,
    run<T>(signal: AbortSignal, work: (signal: AbortSignal) => Promise<T>) {
      const linked = linkedSignal([signal, stop.signal]);
      return track(new Promise<T>((resolve) => resolve(work(linked.signal))).finally(linked.done));
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
