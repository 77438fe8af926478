// One subscription to the event log, fanned out to the workers waiting on each tenant.
import type { EventLog } from '@outflow/core';

export interface TenantNotifier {
  /** Changes whenever the tenant's log grows; take it before a read, wait on it after. */
  version(tenant: string): number;
  /** Resolves once the tenant's version differs from `seen`; rejects when the signal aborts. */
  wait(tenant: string, seen: number, signal: AbortSignal): Promise<void>;
  close(): void;
}

/** An idle worker costs one entry in a set: no timers, no polling. */
export function createTenantNotifier(events: EventLog): TenantNotifier {
  const versions = new Map<string, number>();
  const waiters = new Map<string, Set<() => void>>();
  const unsubscribe = events.subscribe((tenant) => {
    versions.set(tenant, (versions.get(tenant) ?? 0) + 1);
    const set = waiters.get(tenant);
    if (!set) return;
    waiters.delete(tenant);
    for (const wake of set) wake();
  });
  const version = (tenant: string) => versions.get(tenant) ?? 0;
  return {
    version,
    wait(tenant, seen, signal) {
      if (signal.aborted) return Promise.reject(signal.reason);
      if (version(tenant) !== seen) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        let set = waiters.get(tenant);
        if (!set) waiters.set(tenant, (set = new Set()));
        const onAbort = () => {
          const current = waiters.get(tenant);
          current?.delete(wake);
          if (current?.size === 0) waiters.delete(tenant);
          reject(signal.reason);
        };
        const wake = () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        };
        set.add(wake);
        signal.addEventListener('abort', onAbort, { once: true });
      });
    },
    close() {
      unsubscribe();
      waiters.clear();
    },
  };
}
