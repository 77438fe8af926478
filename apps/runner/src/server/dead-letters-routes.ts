// GET /api/v2/log-streams/{id}/dead-letters: the events a stream's destination refused for good.
import type { ApiDeps } from './api-deps.js';
import { loadOwnStream } from './log-streams-routes.js';
import { intParam, iso } from './query-params.js';
import { sendJson } from './respond.js';
import type { Router } from './router.js';

export function addDeadLetterRoutes(router: Router, deps: ApiDeps): void {
  router.add('GET', '/api/v2/log-streams/:id/dead-letters', async (req, res, p, url) => {
    const { tenant } = deps.tokens.require(req, 'read:log_streams');
    const s = await loadOwnStream(deps, tenant, p.id as string);
    const letters = await deps.store.deadLetters.list(s.id, { limit: intParam(url, 'limit', 100, 1000), afterId: intParam(url, 'after', 0, Number.MAX_SAFE_INTEGER) });
    sendJson(res, 200, letters.map((l) => ({ id: l.id, log_id: l.logId, type: l.type, seq: l.seq, at: iso(l.at), errorKind: l.errorKind, status: l.status, message: l.message, event: JSON.parse(l.raw) })));
  });
}
