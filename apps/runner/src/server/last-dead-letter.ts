// The newest `dead_lettered` health record of a stream, for its health answer ("why were events dead-lettered?").
import type { LastDeadLetterView } from '@outflow/api-types';
import type { Store, StoredStream } from '@outflow/core';
import { iso } from './query-params.js';

/** How many recent health records are searched for the newest dead-lettering. */
const SEARCHED = 200;

export async function lastDeadLetter(store: Store, s: StoredStream): Promise<LastDeadLetterView | null> {
  if (s.state.deadLettered === 0) return null;
  const records = await store.health.list(s.id, { limit: SEARCHED });
  const r = records.find((x) => x.kind === 'dead_lettered');
  if (!r) return null;
  return {
    at: iso(r.at),
    ...(r.errorKind !== undefined ? { errorKind: r.errorKind } : {}),
    ...(r.status !== undefined ? { status: r.status } : {}),
    message: r.message,
    ...(r.count !== undefined ? { count: r.count } : {}),
  };
}
