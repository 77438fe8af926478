// One request's signal: aborts with the attempt's or the connector's close; unlinked when done.
/**
 * Cheaper than `AbortSignal.any` per request: listeners on long-lived signals are removed
 * when the request settles instead of waiting for GC.
 */
export function linkedSignal(signals: readonly AbortSignal[]): { signal: AbortSignal; done(): void } {
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
  return {
    signal: controller.signal,
    done() {
      for (const remove of listeners) remove();
    },
  };
}
