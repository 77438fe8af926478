// The memory store's per-minute delivery counters of each stream (tests and the contract suite).
import type { StatsBucket, StreamCounts, StreamStats } from '../store.js';

const KEYS = ['delivered', 'failed', 'deadLettered', 'failedRounds'] as const;
const zero = (): StreamCounts => ({ delivered: 0, failed: 0, deadLettered: 0, failedRounds: 0 });

/** Counters kept in `buckets` (stream id → minute start → bucket), which the store also clears on delete. */
export function createMemoryStreamStats(buckets: Map<string, Map<number, StatsBucket>>): StreamStats {
  return {
    async add(streamId, at, counts) {
      const minute = Math.floor(at / 60_000) * 60_000;
      let mine = buckets.get(streamId);
      if (!mine) buckets.set(streamId, (mine = new Map()));
      const b = mine.get(minute) ?? { at: minute, ...zero() };
      for (const key of KEYS) b[key] += counts[key] ?? 0;
      mine.set(minute, b);
    },
    async list(streamId, from, to) {
      return [...(buckets.get(streamId)?.values() ?? [])]
        .filter((b) => b.at >= from && b.at < to)
        .sort((a, b) => a.at - b.at)
        .map((b) => ({ ...b }));
    },
    async totals(streamId) {
      const sum = zero();
      for (const b of buckets.get(streamId)?.values() ?? []) for (const key of KEYS) sum[key] += b[key];
      return sum;
    },
    async purge(before) {
      let n = 0;
      for (const mine of buckets.values()) {
        for (const minute of [...mine.keys()]) {
          if (minute < before) {
            mine.delete(minute);
            n++;
          }
        }
      }
      return n;
    },
  };
}
