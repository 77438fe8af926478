// A connector's work in flight: close waits for it up to a bound, then aborts the requests still open, then releases once.
import type { Clock } from './clock.js';

/** How long `close()` waits for sends in flight before aborting them. */
export const CLOSE_WAIT_MS = 10_000;

export interface InFlight {
  /** True once `close` was called. */
  readonly closed: boolean;
  /** Registers work in flight and hands it back. */
  track<T>(work: Promise<T>): Promise<T>;
  /** A signal for one request: aborts with `attempt` or at close's bound; `done()` unlinks it once the request settled. */
  open(attempt: AbortSignal): { signal: AbortSignal; done(): void };
  /** Tracks `work`, handing it a signal from `open(signal)` (unlinked when it settles). */
  run<T>(signal: AbortSignal, work: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Waits for the work in flight (aborting it after CLOSE_WAIT_MS), then runs `release` once; later calls get the same promise. */
  close(release: () => void | Promise<void>): Promise<void>;
}

const noop = () => {};

/**
 * Each request listens on its attempt's signal only and close aborts the open ones from a set:
 * cheaper than linking every request to a long-lived close signal (measured on 1,000 streams).
 */
export function trackInFlight(clock: Pick<Clock, 'setTimeout' | 'clearTimeout'>): InFlight {
  const pending = new Set<Promise<unknown>>();
  const requests = new Set<AbortController>();
  let stopped = false;
  let closing: Promise<void> | undefined;
  const track = <T>(work: Promise<T>): Promise<T> => {
    const done = () => void pending.delete(work);
    pending.add(work);
    work.then(done, done);
    return work;
  };
  const open = (attempt: AbortSignal) => {
    const controller = new AbortController();
    if (stopped || attempt.aborted) {
      controller.abort(stopped ? undefined : attempt.reason);
      return { signal: controller.signal, done: noop };
    }
    const onAbort = () => controller.abort(attempt.reason);
    attempt.addEventListener('abort', onAbort, { once: true });
    requests.add(controller);
    return {
      signal: controller.signal,
      done() {
        attempt.removeEventListener('abort', onAbort);
        requests.delete(controller);
      },
    };
  };
  const abortAll = () => {
    stopped = true;
    for (const controller of requests) controller.abort();
    requests.clear();
  };
  return {
    get closed() {
      return closing !== undefined;
    },
    track,
    open,
    run<T>(signal: AbortSignal, work: (signal: AbortSignal) => Promise<T>) {
      const linked = open(signal);
      return track(new Promise<T>((resolve) => resolve(work(linked.signal))).finally(linked.done));
    },
    close(release) {
      if (!closing) {
        const timer = clock.setTimeout(abortAll, CLOSE_WAIT_MS);
        closing = Promise.allSettled([...pending]).then(async () => {
          clock.clearTimeout(timer);
          await release();
        });
      }
      return closing;
    },
  };
}
