// Group commit: appends queued while a transaction runs become the next transaction, one at a time per store.
import type { AppendResult } from '@outflow/core';
import type { PendingAppend } from '@outflow/store-kit';

export type { PendingAppend };

export interface GroupCommit {
  enqueue(append: PendingAppend): void;
  /** Resolves when everything queued so far is committed or rejected (close). */
  drain(): Promise<void>;
}

/** Most appends one commit takes, and most bytes of lines (the statement carries them as one parameter). */
export const MAX_GROUP = 1000;
export const MAX_GROUP_BYTES = 32 * 1024 * 1024;

/** The next group: at least one append, then as many as fit both limits. */
function takeGroup(queue: PendingAppend[]): PendingAppend[] {
  let n = 0;
  let bytes = 0;
  while (n < queue.length && n < MAX_GROUP) {
    bytes += (queue[n] as PendingAppend).batch.lines.length;
    if (n > 0 && bytes > MAX_GROUP_BYTES) break;
    n++;
  }
  return queue.splice(0, n);
}

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
      const group = takeGroup(queue);
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
