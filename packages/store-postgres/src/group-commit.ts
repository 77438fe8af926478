// Group commit: appends queued while a transaction runs become the next transaction, one at a time per store.
import type { AppendResult } from '@outflow/core';
import type { PendingAppend } from '@outflow/store-kit';

export type { PendingAppend };

export interface GroupCommit {
  enqueue(append: PendingAppend): void;
  /** Resolves when everything queued so far is committed or rejected (close). */
  drain(): Promise<void>;
}

/** Most appends one transaction takes (each row is 11 bind parameters; PostgreSQL allows 65 535). */
export const MAX_GROUP = 1000;

/**
 * `commit` writes a group in one transaction and resolves one result per append, in order;
 * `committed` runs after COMMIT and before the appends' promises resolve.
 */
export function createGroupCommit(
  commit: (group: readonly PendingAppend[]) => Promise<AppendResult[]>,
  committed: (group: readonly PendingAppend[], results: readonly AppendResult[]) => void,
): GroupCommit {
  let queue: PendingAppend[] = [];
  let running: Promise<void> | null = null;
  const runOne = async (group: PendingAppend[]) => {
    let results: AppendResult[];
    try {
      results = await commit(group);
    } catch (error) {
      for (const p of group) p.reject(error);
      return;
    }
    committed(group, results);
    group.forEach((p, i) => p.resolve(results[i] as AppendResult));
  };
  const run = async () => {
    // Wait one turn so appends made in the same tick join the first group.
    await new Promise((resolve) => setImmediate(resolve));
    while (queue.length > 0) {
      const group = queue.splice(0, MAX_GROUP);
      await runOne(group);
    }
    running = null;
  };
  return {
    enqueue(append) {
      queue.push(append);
      running ??= run();
    },
    async drain() {
      while (running) await running;
    },
  };
}
