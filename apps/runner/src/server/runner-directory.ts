// Which runner delivers which stream: the live runners from the store's leases, or this runner alone on a store without leases.
import type { LiveRunner, StoredStream } from '@outflow/core';
import type { RunnerView, RunnersView } from '@outflow/api-types';
import type { ApiDeps } from './api-deps.js';

/** How long one read of the lease tables is reused by the health and runners routes. */
const CACHE_MS = 500;

export interface RunnerDirectory {
  /** The runners with the streams of `tenant` each delivers (other tenants' streams are never named). */
  list(tenant: string): Promise<RunnersView>;
  /** The runner delivering `stream`, or null when none does. */
  holderOf(stream: StoredStream): Promise<string | null>;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const directories = new WeakMap<object, RunnerDirectory>();

/** The one directory of these API deps (the routes share its cache). */
export function runnerDirectoryOf(deps: Pick<ApiDeps, 'store' | 'runner' | 'now'>): RunnerDirectory {
  let directory = directories.get(deps);
  if (!directory) directories.set(deps, (directory = createRunnerDirectory(deps)));
  return directory;
}

export function createRunnerDirectory(deps: Pick<ApiDeps, 'store' | 'runner' | 'now'>): RunnerDirectory {
  const leases = deps.store.leases;
  let cached: { at: number; runners: Promise<LiveRunner[]> } | undefined;
  const live = (): Promise<LiveRunner[]> => {
    if (!leases) return Promise.resolve([]);
    // Monotonic: the cache ages even when the API's clock is a test clock.
    const now = performance.now();
    if (!cached || now - cached.at > CACHE_MS) {
      const runners = leases.runners();
      cached = { at: now, runners };
      // A failed read is not reused.
      runners.catch(() => {
        if (cached?.runners === runners) cached = undefined;
      });
    }
    return cached.runners;
  };

  return {
    async list(tenant) {
      const own = await deps.store.streams.list(tenant);
      const self = deps.runner;
      if (!leases) {
        const active = own.filter((s) => s.status === 'active').map((s) => ({ id: s.id, name: s.name }));
        const view: RunnerView = {
          id: self.id,
          host: self.host,
          pid: self.pid,
          startedAt: new Date(self.startedAt).toISOString(),
          heartbeatAt: new Date(deps.now()).toISOString(),
          heartbeatAgeMs: 0,
          expiresAt: null,
          leaseExpiresAt: null,
          self: true,
          streams: active,
        };
        return { mode: 'single', runners: [view] };
      }
      const names = new Map(own.map((s) => [s.id, s.name]));
      const runners = (await live()).map(
        (r): RunnerView => ({
          id: r.id,
          host: r.host,
          pid: r.pid,
          startedAt: new Date(r.startedAt).toISOString(),
          heartbeatAt: new Date(r.heartbeatAt).toISOString(),
          heartbeatAgeMs: r.heartbeatAgeMs,
          expiresAt: iso(r.expiresAt),
          leaseExpiresAt: iso(r.leaseExpiresAt),
          self: r.id === self.id,
          streams: r.streams.filter((id) => names.has(id)).map((id) => ({ id, name: names.get(id) as string })),
        }),
      );
      return { mode: 'cluster', runners };
    },
    async holderOf(stream) {
      if (!leases) return stream.status === 'active' ? deps.runner.id : null;
      return (await live()).find((r) => r.streams.includes(stream.id))?.id ?? null;
    },
  };
}
