// Start probes run a few at a time per store: a runner starting 1,000 streams must not fire 1,000 healthchecks at once.
/** Start probes in flight at once for one store (one runner's supervisor). */
export const START_PROBES_AT_ONCE = 4;

interface Gate {
  active: number;
  waiting: Array<() => void>;
}

const gates = new WeakMap<object, Gate>();

/** Waits for a slot under `key`; resolves a release function, or null when `signal` aborts first. */
export function acquireProbeSlot(key: object, signal: AbortSignal): Promise<(() => void) | null> {
  let gate = gates.get(key);
  if (!gate) gates.set(key, (gate = { active: 0, waiting: [] }));
  const g = gate;
  const release = () => {
    const next = g.waiting.shift();
    if (next) next();
    else g.active--;
  };
  if (signal.aborted) return Promise.resolve(null);
  if (g.active < START_PROBES_AT_ONCE) {
    g.active++;
    return Promise.resolve(release);
  }
  return new Promise((resolve) => {
    // A released slot passes straight to the next waiter (active stays counted).
    const take = () => {
      signal.removeEventListener('abort', onAbort);
      resolve(release);
    };
    const onAbort = () => {
      const at = g.waiting.indexOf(take);
      if (at >= 0) g.waiting.splice(at, 1);
      resolve(null);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    g.waiting.push(take);
  });
}
