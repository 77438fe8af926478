// The event log's commit listeners: each store tells them once per tenant and commit, with the tenant's newest seq.
import type { AppendResult, Logger, PreparedBatch } from '@outflow/core';

export type CommitListener = (tenant: string, lastSeq: number) => void;

export interface CommitListeners {
  /** `EventLog.subscribe`: adds a listener, returns its removal. */
  subscribe(listener: CommitListener): () => void;
  /** Tells every listener; one that throws is logged and the others still hear. */
  notify(tenant: string, lastSeq: number): void;
  /** One notification per tenant of a committed group, with the tenant's newest sequence number. */
  committed(group: ReadonlyArray<{ batch: PreparedBatch }>, results: readonly AppendResult[]): void;
  clear(): void;
}

export function createCommitListeners(logger: Logger): CommitListeners {
  const listeners = new Set<CommitListener>();
  const notify = (tenant: string, lastSeq: number) => {
    for (const listener of listeners) {
      try {
        listener(tenant, lastSeq);
      } catch (error) {
        logger.error({ err: error, tenant }, 'An event log listener threw.');
      }
    }
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    notify,
    committed(group, results) {
      const newest = new Map<string, number>();
      group.forEach((p, i) => {
        if (p.batch.ends.length > 0) newest.set(p.batch.tenant, (results[i] as AppendResult).lastSeq);
      });
      for (const [tenant, lastSeq] of newest) notify(tenant, lastSeq);
    },
    clear: () => listeners.clear(),
  };
}
