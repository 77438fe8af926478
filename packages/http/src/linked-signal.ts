// One request's signal: aborts with the attempt's, the connector's close, or an optional deadline; unlinked when done.
/**
 * Cheaper than `AbortSignal.any` + `AbortSignal.timeout` per request: listeners on long-lived
 * signals are removed when the request settles instead of waiting for GC.
 */
export function linkedSignal(signals: readonly AbortSignal[], timeoutMs: number | undefined): { signal: AbortSignal; done(): void } {
  const controller = new AbortController();
  const aborted = signals.find((s) => s.aborted);
  if (aborted) {
    controller.abort(aborted.reason);
    return { signal: controller.signal, done: () => {} };
  }
  const listeners = signals.map((s) => {
    const onAbort = () => controller.abort(s.reason);
    s.addEventListener('abort', onAbort, { once: true });
    return () => s.removeEventListener('abort', onAbort);
  });
  const timer = timeoutMs === undefined ? undefined : setTimeout(() => controller.abort(new DOMException('The request timed out.', 'TimeoutError')), timeoutMs);
  return {
    signal: controller.signal,
    done() {
      if (timer) clearTimeout(timer);
      for (const remove of listeners) remove();
    },
  };
}
