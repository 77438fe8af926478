// The signals of a connector's requests: each aborts with its attempt's signal, the connector's close, or an optional deadline.
/**
 * Cheaper than `AbortSignal.any` + `AbortSignal.timeout` per request, and than linking each
 * request to a long-lived close signal: a request listens on its attempt's signal only, and
 * close aborts the open ones from a set.
 */
export interface RequestSignals {
  /** A signal for one request; `done()` unlinks it once the request settled. */
  open(attempt: AbortSignal): { signal: AbortSignal; done(): void };
  /** Aborts every open request, and every later one at once. */
  abortAll(): void;
}

const noop = () => {};

export function createRequestSignals(timeoutMs: number | undefined): RequestSignals {
  const open = new Set<AbortController>();
  let stopped = false;
  return {
    open(attempt) {
      const controller = new AbortController();
      if (stopped || attempt.aborted) {
        controller.abort(stopped ? undefined : attempt.reason);
        return { signal: controller.signal, done: noop };
      }
      const onAbort = () => controller.abort(attempt.reason);
      attempt.addEventListener('abort', onAbort, { once: true });
      open.add(controller);
      const timer = timeoutMs === undefined ? undefined : setTimeout(() => controller.abort(new DOMException('The request timed out.', 'TimeoutError')), timeoutMs);
      return {
        signal: controller.signal,
        done() {
          if (timer) clearTimeout(timer);
          attempt.removeEventListener('abort', onAbort);
          open.delete(controller);
        },
      };
    },
    abortAll() {
      stopped = true;
      for (const controller of open) controller.abort();
      open.clear();
    },
  };
}
