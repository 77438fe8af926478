// Coalesces small writes issued in one turn of the event loop (cursor commits, stats) into one transaction.
import type Database from 'better-sqlite3';
import { createTurnQueue } from './turn-queue.js';

export interface WriteBatcher {
  /** Runs `write` in the next shared transaction; resolves with its result once that committed. */
  run<T>(write: () => T): Promise<T>;
  /** Commits the queued writes now (close). */
  flush(): void;
}

interface Queued {
  write: () => unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * A thousand streams each committing a cursor and a stats row per batch would otherwise make two
 * WAL transactions apiece. When a write of the group throws, the group is rolled back and every
 * write runs again on its own, so one bad write fails only its own caller.
 */
export function createWriteBatcher(db: Database.Database): WriteBatcher {
  const runAll = db.transaction((group: readonly Queued[]) => group.map((q) => q.write()));
  const queue = createTurnQueue<Queued>((group) => {
    let results: unknown[];
    try {
      results = runAll(group);
    } catch {
      for (const q of group) {
        try {
          q.resolve(q.write());
        } catch (error) {
          q.reject(error);
        }
      }
      return;
    }
    group.forEach((q, i) => q.resolve(results[i]));
  });
  return {
    run<T>(write: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => queue.push({ write, resolve: resolve as (value: unknown) => void, reject }));
    },
    flush: queue.flush,
  };
}
