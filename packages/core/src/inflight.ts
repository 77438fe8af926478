// Tracks a connector's requests in flight so `close()` waits for them, once, and later calls see it closed.
export interface Inflight {
  /** True once `close` was called. */
  readonly closed: boolean;
  /** Registers work in flight and hands it back. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Waits for the work in flight, then runs `release` once; every later call returns the same promise. */
  close(release: () => void | Promise<void>): Promise<void>;
}

export function createInflight(): Inflight {
  const pending = new Set<Promise<unknown>>();
  let closing: Promise<void> | undefined;
  return {
    get closed() {
      return closing !== undefined;
    },
    track(work) {
      const done = () => void pending.delete(work);
      pending.add(work);
      work.then(done, done);
      return work;
    },
    close(release) {
      closing ??= Promise.allSettled([...pending]).then(() => release());
      return closing;
    },
  };
}
