// A budget shared by every worker: bounds the bytes and the number of batches in flight across all streams.
export interface InflightBudget {
  /** Waits until `bytes` fit (a batch larger than the whole budget waits for an empty budget); takes a batch place. */
  acquire(bytes: number, signal: AbortSignal): Promise<boolean>;
  /** Adds `bytes` to a batch already acquired (one reserved before its read, sized after it). */
  grow(bytes: number): void;
  release(bytes: number): void;
  readonly used: number;
}

export function createInflightBudget(limit: number, maxBatches = Number.POSITIVE_INFINITY): InflightBudget {
  let used = 0;
  let batches = 0;
  const waiting: Array<{ bytes: number; wake: () => void }> = [];
  const fits = (bytes: number) => batches === 0 || (used + bytes <= limit && batches < maxBatches);
  const pump = () => {
    while (waiting.length > 0 && fits((waiting[0] as { bytes: number }).bytes)) {
      const next = waiting.shift() as { bytes: number; wake: () => void };
      used += next.bytes;
      batches++;
      next.wake();
    }
  };
  return {
    get used() {
      return used;
    },
    acquire(bytes, signal) {
      if (signal.aborted) return Promise.resolve(false);
      if (waiting.length === 0 && fits(bytes)) {
        used += bytes;
        batches++;
        return Promise.resolve(true);
      }
      return new Promise<boolean>((resolve) => {
        const entry = {
          bytes,
          wake: () => {
            signal.removeEventListener('abort', onAbort);
            resolve(true);
          },
        };
        const onAbort = () => {
          const i = waiting.indexOf(entry);
          if (i >= 0) waiting.splice(i, 1);
          resolve(false);
          pump();
        };
        waiting.push(entry);
        signal.addEventListener('abort', onAbort, { once: true });
      });
    },
    grow(bytes) {
      used += bytes;
    },
    release(bytes) {
      used = Math.max(0, used - bytes);
      batches = Math.max(0, batches - 1);
      pump();
    },
  };
}
