// The delivery summary of a stream for `GET /api/v2/log-streams?include=delivery` (no lag: that costs a count per stream).
import type { StreamDeliveryView } from '@outflow/api-types';
import type { StoredStream } from '@outflow/core';
import type { ApiDeps } from './api-deps.js';
import { iso } from './query-params.js';

export function streamDelivery(s: StoredStream, deps: ApiDeps): StreamDeliveryView {
  const worker = deps.supervisor.workerStatus(s.id) ?? null;
  const last = worker?.lastError ?? null;
  return {
    failingSince: iso(s.state.failingSince),
    lastSuccessAt: iso(s.state.lastSuccessAt),
    lastErrorAt: iso(s.state.lastErrorAt),
    workerState: worker?.state ?? null,
    lastError: last
      ? { kind: last.kind, ...(last.status === undefined ? {} : { status: last.status }), message: last.message, at: new Date(last.at).toISOString() }
      : null,
  };
}
