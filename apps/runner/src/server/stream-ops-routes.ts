// Beyond Auth0: stream health, replay from a date, and dead letters.
import { compileFilter } from '@outflow/core';
import { z } from 'zod';
import type { ApiDeps } from './api-deps.js';
import { readJson } from './json-body.js';
import { loadOwnStream } from './log-streams-routes.js';
import { HttpError, sendJson } from './respond.js';
import type { Router } from './router.js';

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());
const intParam = (url: URL, name: string, fallback: number, max: number) => {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new HttpError(400, `Query parameter ${name} must be a non-negative integer.`, 'invalid_query_string');
  return Math.min(n, max);
};

export function addStreamOpsRoutes(router: Router, deps: ApiDeps): void {
  const base = '/api/v2/log-streams/:id';

  router.add('GET', `${base}/health`, async (req, res, p, url) => {
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
    const errors = await deps.store.health.list(s.id, { limit, ...(beforeRaw ? { beforeId: intParam(url, 'before', 0, Number.MAX_SAFE_INTEGER) } : {}) });
    sendJson(res, 200, {
      id: s.id,
      status: s.status,
      ...(s.state.suspendedReason ? { suspendedReason: s.state.suspendedReason } : {}),
      cursor: s.state.cursor,
      lastSeq: bounds.lastSeq,
      lagEvents,
      lagSeconds: Math.round(lagSeconds * 10) / 10,
      delivered: s.state.delivered,
      deadLettered: s.state.deadLettered,
      deadLetters: await deps.store.deadLetters.count(s.id),
      lastSuccessAt: iso(s.state.lastSuccessAt),
      lastErrorAt: iso(s.state.lastErrorAt),
      failingSince: iso(s.state.failingSince),
      worker: deps.supervisor.workerStatus(s.id) ?? null,
      records: errors.map((r) => ({ ...r, at: iso(r.at) })),
    });
  });

  router.add('POST', `${base}/replay`, async (req, res, p) => {
    const { tenant } = deps.tokens.require(req, 'update:log_streams');
    const s = await loadOwnStream(deps, tenant, p.id as string);
    const body = await readJson(req, z.object({ from: z.iso.datetime({ offset: true }) }).strict());
    const from = Date.parse(body.from);
    if (from < deps.now() - deps.retention) throw new HttpError(400, 'Payload validation error: from: must be within the retention period.', 'invalid_body');
    const cursor = await deps.store.events.seek(tenant, from);
    await deps.store.streams.setCursor(s.id, cursor);
    await deps.store.health.append({ streamId: s.id, tenant, at: deps.now(), kind: 'cursor_moved', message: `Replay requested from ${body.from}.` });
    await deps.supervisor.refresh(s.id);
    sendJson(res, 200, { id: s.id, from: body.from, cursor });
  });

  router.add('GET', `${base}/dead-letters`, async (req, res, p, url) => {
    const { tenant } = deps.tokens.require(req, 'read:log_streams');
    const s = await loadOwnStream(deps, tenant, p.id as string);
    const letters = await deps.store.deadLetters.list(s.id, { limit: intParam(url, 'limit', 100, 1000), afterId: intParam(url, 'after', 0, Number.MAX_SAFE_INTEGER) });
    sendJson(res, 200, letters.map((l) => ({ id: l.id, log_id: l.logId, type: l.type, seq: l.seq, at: iso(l.at), errorKind: l.errorKind, status: l.status, message: l.message, event: JSON.parse(l.raw) })));
  });
}
