// What both stores check before queuing an append: the store is open, the batch well formed, the time finite.
import type { AppendResult, PreparedBatch } from '@outflow/core';
import { checkBatch } from './batch-codec.js';

/** An append waiting for its group commit. */
export interface PendingAppend {
  batch: PreparedBatch;
  recordedAt: number | undefined;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/** Checks an append and hands it to `enqueue`; the promise settles when its group commits or fails. */
export function queueAppend(
  closed: boolean,
  batch: PreparedBatch,
  recordedAt: number | undefined,
  enqueue: (append: PendingAppend) => void,
): Promise<AppendResult> {
  if (closed) return Promise.reject(new Error('The store is closed.'));
  try {
    checkBatch(batch);
    if (recordedAt !== undefined && !Number.isFinite(recordedAt)) throw new TypeError('recordedAt must be a finite number.');
  } catch (error) {
    return Promise.reject(error);
  }
  return new Promise((resolve, reject) => enqueue({ batch, recordedAt, resolve, reject }));
}
