// Gauges read from the store at each scrape: per-stream lag, store size on disk, oldest event age.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { compileFilter, type LogBounds, type Store, type StoredStream } from '@outflow/core';
import { Gauge, type Registry } from 'prom-client';

export interface StoreGaugeDeps {
  store: () => Store | null;
  now: () => number;
  /** The SQLite database file, for the size on disk (null with PostgreSQL). */
  sqlitePath: string | null;
  /** Tenants of the config tokens (the streams' tenants are added). */
  tenants: readonly string[];
  /** Called with the streams stored at a scrape, to drop the series of the others. */
  onStreams(streams: readonly StoredStream[]): void;
}

async function fileSize(path: string): Promise<number> {
  const s = await stat(path).catch(() => null);
  if (!s) return 0;
  if (!s.isDirectory()) return s.size;
  const names = await readdir(path).catch(() => [] as string[]);
  let total = 0;
  for (const n of names) total += await fileSize(join(path, n));
  return total;
}

/** The SQLite store's files: the database, its WAL and shared memory, and the segment folder (as store-sqlite names it). */
export async function sqliteSize(dbPath: string): Promise<number> {
  const segments = `${dbPath.endsWith('.db') ? dbPath.slice(0, -3) : dbPath}.segments`;
  const sizes = await Promise.all([dbPath, `${dbPath}-wal`, `${dbPath}-shm`, segments].map(fileSize));
  return sizes.reduce((a, b) => a + b, 0);
}

async function lagOf(store: Store, s: StoredStream, bounds: LogBounds, now: number): Promise<{ events: number; seconds: number }> {
  const filter = compileFilter(s.filters);
  const events = await store.events.count(s.tenant, s.state.cursor, bounds.lastSeq, filter);
  if (events === 0) return { events, seconds: 0 };
  const next = await store.events.read({ tenant: s.tenant, afterSeq: s.state.cursor, filter, maxEvents: 1, maxBytes: 1 });
  const seq = next.batch.seqs[0];
  const at = seq === undefined ? null : await store.events.recordedAt(seq);
  return { events, seconds: at === null ? 0 : Math.max(0, (now - at) / 1000) };
}

/** Sets the gauges from the store; call before each scrape (one scrape reads the store once). */
export type RefreshGauges = () => Promise<void>;

export function createStoreGauges(registry: Registry, deps: StoreGaugeDeps): RefreshGauges {
  const registers = [registry];
  const lagEvents = new Gauge({
    name: 'outflow_stream_lag_events',
    help: 'Events recorded but not yet delivered by the stream.',
    labelNames: ['stream', 'type'],
    registers,
  });
  const lagSeconds = new Gauge({
    name: 'outflow_stream_lag_seconds',
    help: 'Age of the oldest event the stream has not delivered yet (0 when caught up).',
    labelNames: ['stream', 'type'],
    registers,
  });
  const size = new Gauge({ name: 'outflow_store_size_bytes', help: 'Size of the SQLite store on disk (database, WAL and segments).', registers });
  const oldest = new Gauge({ name: 'outflow_store_oldest_event_age_seconds', help: 'Age of the oldest event kept in the log (0 when empty).', registers });
  const refresh = async () => {
    const store = deps.store();
    if (!store) return;
    const now = deps.now();
    const streams = await store.streams.list();
    deps.onStreams(streams);
    lagEvents.reset();
    lagSeconds.reset();
    const bounds = new Map<string, LogBounds>();
    const boundsOf = async (tenant: string) => {
      let b = bounds.get(tenant);
      if (!b) bounds.set(tenant, (b = await store.events.bounds(tenant)));
      return b;
    };
    for (const s of streams) {
      const lag = await lagOf(store, s, await boundsOf(s.tenant), now);
      lagEvents.set({ stream: s.id, type: s.type }, lag.events);
      lagSeconds.set({ stream: s.id, type: s.type }, lag.seconds);
    }
    let age = 0;
    for (const tenant of new Set([...deps.tenants, ...streams.map((s) => s.tenant)])) {
      const b = await boundsOf(tenant);
      const at = b.firstSeq > 0 ? await store.events.recordedAt(b.firstSeq) : null;
      if (at !== null) age = Math.max(age, (now - at) / 1000);
    }
    oldest.set(age);
    if (deps.sqlitePath) size.set(await sqliteSize(deps.sqlitePath));
  };
  // Scrapes at the same time share one read of the store.
  let pending: Promise<void> | null = null;
  return () => (pending ??= refresh().finally(() => (pending = null)));
}
