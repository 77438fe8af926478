// Combines the results of a batch's several requests (e.g. one per event) into one delivery result.
import type { DeliveryResult, ItemFailure } from '@outflow/core';

type Failure = Extract<DeliveryResult, { status: 'retryable' | 'permanent' }>;

export const isFailure = (r: DeliveryResult): r is Failure => r.status === 'retryable' || r.status === 'permanent';

/**
 * All accepted → success. All failed the same way (status and kind) → that result, with the
 * longest Retry-After. Otherwise `partial` naming each event of each failed request and each
 * event a partial answer refused.
 */
export function combineResults(results: ReadonlyArray<{ result: DeliveryResult; indices: readonly number[] }>): DeliveryResult {
  const failures = results.filter((r): r is { result: Failure; indices: readonly number[] } => isFailure(r.result));
  // Events a partial answer refused, as batch indices: kept whether or not other requests failed.
  const partial = results.flatMap(({ result, indices }) =>
    result.status === 'partial' ? result.failed.map((f) => ({ ...f, index: indices[f.index] ?? f.index })) : [],
  );
  if (failures.length === 0) return partial.length ? { status: 'partial', failed: partial } : { status: 'success' };
  const first = (failures[0] as { result: Failure }).result;
  const uniform = failures.every(({ result }) => result.status === first.status && result.error.kind === first.error.kind);
  if (failures.length === results.length && uniform) {
    if (first.status === 'permanent') return first;
    const waits = failures.map(({ result }) => (result.status === 'retryable' ? result.retryAfterMs : undefined)).filter((w): w is number => w !== undefined);
    return { status: 'retryable', error: first.error, retryAfterMs: waits.length ? Math.max(...waits) : undefined };
  }
  const failed: ItemFailure[] = failures.flatMap(({ result, indices }) =>
    indices.map((index) => ({
      index,
      retryable: result.status === 'retryable',
      reason: result.error.message,
      status: result.error.details.status,
    })),
  );
  return { status: 'partial', failed: [...failed, ...partial] };
}

/** Runs `fn` over `items` with at most `limit` in flight, keeping order. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}
