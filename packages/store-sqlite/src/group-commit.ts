// Group commit: appends queued in the same turn of the event loop become one segment write and one transaction.
import type { AppendResult } from '@outflow/core';
import type { PendingAppend } from '@outflow/store-kit';
import { createTurnQueue } from './turn-queue.js';

export type { PendingAppend };

export interface GroupCommit {
  enqueue(append: PendingAppend): void;
  /** Commits everything queued now (also used by close). */
  flush(): void;
}

/**
 * `commit` writes a whole group synchronously and returns one result per append, in order;
 * `committed` runs after it succeeded and before the promises resolve.
 */
export function createGroupCommit(
  commit: (group: readonly PendingAppend[]) => AppendResult[],
  committed: (group: readonly PendingAppend[], results: readonly AppendResult[]) => void,
): GroupCommit {
  const queue = createTurnQueue<PendingAppend>((group) => {
    let results: AppendResult[];
    try {
      results = commit(group);
    } catch (error) {
      for (const p of group) p.reject(error);
      return;
    }
    committed(group, results);
    group.forEach((p, i) => p.resolve(results[i] as AppendResult));
  });
  return { enqueue: queue.push, flush: queue.flush };
}
