// An in-memory Store: the reference the store contract suite checks, and a fast double for tests.
import { createLogBatch } from '../batch.js';
import type { EventFilter } from '../filter.js';
import type {
  AppendResult,
  DeadLetterQueue,
  EventLog,
  HealthLog,
  LogBounds,
  NewDeadLetter,
  NewHealthRecord,
  PreparedBatch,
  PurgeResult,
  ReadQuery,
  ReadResult,
  StatsBucket,
  Store,
  StoredStream,
  StreamRepository,
} from '../store.js';
import type { DeadLetter, HealthRecord } from '../types.js';
import { createMemoryStreamStats } from './memory-stats.js';
import { createMemoryTokenRepository } from './memory-tokens.js';

interface MemEvent {
  seq: number;
  tenant: string;
  logId: string;
  type: string;
  raw: Buffer;
  recordedAt: number;
}

/** Index of the first element for which `pred` holds, in a list where it holds for a suffix. */
function lowerBound<T>(list: readonly T[], pred: (x: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(list[mid] as T)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function createMemoryStore(now: () => number = Date.now): Store {
  let events: MemEvent[] = [];
  let lastSeq = 0;
  let lastRecordedAt = 0;
  const listeners = new Set<(tenant: string, lastSeq: number) => void>();
  const streams = new Map<string, StoredStream>();
  let health: HealthRecord[] = [];
  let healthId = 0;
  let letters: DeadLetter[] = [];
  let letterId = 0;
  /** Minute buckets by stream id, then by minute start. */
  const buckets = new Map<string, Map<number, StatsBucket>>();
  const clone = (s: StoredStream): StoredStream => structuredClone(s);
  const ofTenant = (tenant: string) => events.filter((e) => e.tenant === tenant);

  const log: EventLog = {
    async append(batch: PreparedBatch, recordedAt = now()): Promise<AppendResult> {
      recordedAt = Math.max(recordedAt, lastRecordedAt);
      lastRecordedAt = recordedAt;
      const firstSeq = lastSeq + 1;
      let start = 0;
      batch.ends.forEach((end, i) => {
        events.push({
          seq: ++lastSeq,
          tenant: batch.tenant,
          logId: batch.logIds[i] as string,
          type: batch.types[i] as string,
          raw: Buffer.from(batch.lines.subarray(start, end - 1)),
          recordedAt,
        });
        start = end;
      });
      for (const l of listeners) l(batch.tenant, lastSeq);
      return { firstSeq, lastSeq, recordedAt };
    },
    async read(q: ReadQuery): Promise<ReadResult> {
      const picked: MemEvent[] = [];
      let bytes = 0;
      let scannedTo = q.afterSeq;
      for (let i = lowerBound(events, (e) => e.seq > q.afterSeq); i < events.length; i++) {
        const e = events[i] as MemEvent;
        if (e.tenant !== q.tenant) continue;
        if (!q.filter || q.filter.matches(e.type)) {
          if (picked.length >= q.maxEvents || (picked.length > 0 && bytes + e.raw.length > q.maxBytes)) break;
          picked.push(e);
          bytes += e.raw.length;
        }
        scannedTo = e.seq;
      }
      if (picked.length === 0) scannedTo = Math.max(scannedTo, q.afterSeq);
      return {
        batch: createLogBatch({
          seqs: picked.map((e) => e.seq),
          logIds: picked.map((e) => e.logId),
          types: picked.map((e) => e.type),
          raws: picked.map((e) => e.raw),
        }),
        scannedTo,
      };
    },
    async seek(tenant, time) {
      const i = lowerBound(events, (e) => e.recordedAt >= time);
      const first = events.slice(i).find((e) => e.tenant === tenant);
      return first ? first.seq - 1 : lastSeq;
    },
    async bounds(tenant): Promise<LogBounds> {
      const mine = ofTenant(tenant);
      const last = mine[mine.length - 1];
      return { firstSeq: mine[0]?.seq ?? 0, lastSeq: last?.seq ?? 0, lastRecordedAt: last?.recordedAt ?? null };
    },
    async count(tenant, afterSeq, uptoSeq = Number.MAX_SAFE_INTEGER, filter?: EventFilter | null) {
      return events.filter((e) => e.tenant === tenant && e.seq > afterSeq && e.seq <= uptoSeq && (!filter || filter.matches(e.type))).length;
    },
    async recordedAt(seq) {
      const e = events[lowerBound(events, (x) => x.seq >= seq)];
      return e && e.seq === seq ? e.recordedAt : null;
    },
    async purge(before): Promise<PurgeResult> {
      const cut = lowerBound(events, (e) => e.recordedAt >= before);
      if (cut === 0) return { events: 0, streams: [] };
      const gone = events.slice(0, cut);
      const result: PurgeResult = { events: gone.length, streams: [] };
      for (const s of streams.values()) {
        // Only streams that had not delivered some of their tenant's purged events move, to the last of them.
        const lostEvents = gone.filter((e) => e.tenant === s.tenant && e.seq > s.state.cursor);
        const last = lostEvents[lostEvents.length - 1];
        if (!last) continue;
        result.streams.push({ streamId: s.id, lost: lostEvents.length });
        health.push({
          id: ++healthId,
          streamId: s.id,
          tenant: s.tenant,
          at: now(),
          kind: 'events_lost',
          count: lostEvents.length,
          message: `${lostEvents.length} events passed the retention period before they were delivered; the stream moved on.`,
        });
        s.state.cursor = last.seq;
      }
      events = events.slice(cut);
      return result;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  const repo: StreamRepository = {
    async list(tenant) {
      return [...streams.values()].filter((s) => tenant === undefined || s.tenant === tenant).map(clone);
    },
    async get(id) {
      const s = streams.get(id);
      return s ? clone(s) : null;
    },
    async create(def, cursor, at) {
      if (streams.has(def.id)) throw new Error(`Stream ${def.id} already exists.`);
      const s: StoredStream = {
        ...structuredClone(def),
        createdAt: at,
        updatedAt: at,
        state: { cursor, failingSince: null, lastSuccessAt: null, lastErrorAt: null, delivered: 0, deadLettered: 0, suspendedReason: null, generation: 0 },
      };
      streams.set(def.id, s);
      return clone(s);
    },
    async update(id, patch, at) {
      const s = streams.get(id);
      if (!s) return null;
      // A field set to undefined is left alone, except the optional pii_config, which it removes.
      for (const [key, value] of Object.entries(structuredClone(patch))) {
        if (value !== undefined) Object.assign(s, { [key]: value });
        else if (key === 'pii_config') delete s.pii_config;
      }
      s.updatedAt = at;
      return clone(s);
    },
    async delete(id) {
      letters = letters.filter((l) => l.streamId !== id);
      health = health.filter((h) => h.streamId !== id);
      buckets.delete(id);
      return streams.delete(id);
    },
    async commitDelivery(id, c) {
      const s = streams.get(id);
      if (!s || s.state.generation !== c.generation) return false;
      s.state.cursor = Math.max(s.state.cursor, c.cursor);
      s.state.delivered += c.delivered;
      if (c.delivered > 0) s.state.lastSuccessAt = c.at;
      s.state.failingSince = null;
      return true;
    },
    async setCursor(id, cursor) {
      const s = streams.get(id);
      if (!s) return null;
      s.state.cursor = cursor;
      s.state.generation++;
      return clone(s);
    },
    async recordFailure(id, at) {
      const s = streams.get(id);
      if (!s) return null;
      s.state.failingSince ??= at;
      s.state.lastErrorAt = at;
      return clone(s);
    },
    async setStatus(id, status, reason, at) {
      const s = streams.get(id);
      if (!s) return null;
      s.status = status;
      s.state.suspendedReason = status === 'suspended' ? reason : null;
      if (status === 'active') s.state.failingSince = null;
      s.updatedAt = at;
      return clone(s);
    },
    async addDeadLettered(id, count) {
      const s = streams.get(id);
      if (s) s.state.deadLettered += count;
    },
  };

  const healthLog: HealthLog = {
    async append(record: NewHealthRecord) {
      health.push({ ...record, id: ++healthId });
    },
    async list(streamId, { limit = 50, beforeId, since } = {}) {
      return health
        .filter((h) => h.streamId === streamId && (beforeId === undefined || h.id < beforeId) && (since === undefined || h.at >= since))
        .sort((a, b) => b.id - a.id)
        .slice(0, limit)
        .map((h) => ({ ...h }));
    },
    async purge(before) {
      const n = health.length;
      health = health.filter((h) => h.at >= before);
      return n - health.length;
    },
  };

  const dlq: DeadLetterQueue = {
    async add(list: readonly NewDeadLetter[]) {
      for (const l of list) letters.push({ ...l, id: ++letterId });
    },
    async list(streamId, { limit = 100, afterId = 0 } = {}) {
      return letters
        .filter((l) => l.streamId === streamId && l.id > afterId)
        .slice(0, limit)
        .map((l) => ({ ...l }));
    },
    async count(streamId) {
      return letters.filter((l) => l.streamId === streamId).length;
    },
    async remove(ids) {
      const gone = new Set(ids);
      letters = letters.filter((l) => !gone.has(l.id));
    },
  };

  const tokens = createMemoryTokenRepository();
  const stats = createMemoryStreamStats(buckets);

  return { events: log, streams: repo, health: healthLog, deadLetters: dlq, stats, tokens, close: async () => {} };
}
