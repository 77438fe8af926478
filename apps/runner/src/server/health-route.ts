// GET /api/v2/log-streams/{id}/health: status, lag, counts and the stream's health records (paged).
import type { StreamHealthView } from '@outflow/api-types';
import { compileFilter } from '@outflow/core';
import type { ApiDeps } from './api-deps.js';
import { lastDeadLetter } from './last-dead-letter.js';
import { loadOwnStream } from './log-streams-routes.js';
import { intParam, iso } from './query-params.js';
import { sendJson } from './respond.js';
import { runnerDirectoryOf } from './runner-directory.js';
import type { Router } from './router.js';

export function addHealthRoute(router: Router, deps: ApiDeps): void {
  router.add('GET', '/api/v2/log-streams/:id/health', async (req, res, p, url) => {
    const { tenant } = deps.tokens.require(req, 'read:log_streams');
    const s = await loadOwnStream(deps, tenant, p.id as string);
    const bounds = await deps.store.events.bounds(tenant);
    const filter = compileFilter(s.filters);
    const lagEvents = await deps.store.events.count(tenant, s.state.cursor, bounds.lastSeq, filter);
    let lagSeconds = 0;
    if (lagEvents > 0) {
      const next = await deps.store.events.read({ tenant, afterSeq: s.state.cursor, filter, maxEvents: 1, maxBytes: 1 });
      const seq = next.batch.seqs[0];
      const at = seq === undefined ? null : await deps.store.events.recordedAt(seq);
      if (at !== null) lagSeconds = Math.max(0, (deps.now() - at) / 1000);
    }
    const limit = intParam(url, 'limit', 50, 500);
    const beforeRaw = url.searchParams.get('before');
    const records = await deps.store.health.list(s.id, { limit, ...(beforeRaw ? { beforeId: intParam(url, 'before', 0, Number.MAX_SAFE_INTEGER) } : {}) });
    const totals = await deps.store.stats.totals(s.id);
    sendJson(res, 200, {
      id: s.id,
      status: s.status,
      ...(s.state.suspendedReason ? { suspendedReason: s.state.suspendedReason } : {}),
      cursor: s.state.cursor,
      lastSeq: bounds.lastSeq,
      lagEvents,
      lagSeconds: Math.round(lagSeconds * 10) / 10,
      delivered: s.state.delivered,
      failed: totals.failed,
      failedRounds: totals.failedRounds,
      deadLettered: s.state.deadLettered,
      deadLetters: await deps.store.deadLetters.count(s.id),
      lastSuccessAt: iso(s.state.lastSuccessAt),
      lastErrorAt: iso(s.state.lastErrorAt),
      failingSince: iso(s.state.failingSince),
      lastDeadLetter: await lastDeadLetter(deps.store, s),
      worker: deps.supervisor.workerStatus(s.id) ?? null,
      runner: await runnerDirectoryOf(deps).holderOf(s),
      records: records.map((r) => ({ ...r, at: iso(r.at) })),
    } satisfies StreamHealthView);
  });
}
