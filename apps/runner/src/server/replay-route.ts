// POST /api/v2/log-streams/{id}/replay {"from": ISO date}: moves the stream's cursor within retention.
import type { ReplayAnswer } from '@outflow/api-types';
import { z } from 'zod';
import type { ApiDeps } from './api-deps.js';
import { readJson } from './json-body.js';
import { loadOwnStream } from './log-streams-routes.js';
import { HttpError, sendJson } from './respond.js';
import type { Router } from './router.js';

const replaySchema = z.object({ from: z.iso.datetime({ offset: true }) }).strict();

export function addReplayRoute(router: Router, deps: ApiDeps): void {
  router.add('POST', '/api/v2/log-streams/:id/replay', async (req, res, p) => {
    const { tenant } = deps.tokens.require(req, 'update:log_streams');
    const s = await loadOwnStream(deps, tenant, p.id as string);
    const body = await readJson(req, replaySchema);
    const from = Date.parse(body.from);
    if (from < deps.now() - deps.retention) throw new HttpError(400, 'Payload validation error: from: must be within the retention period.', 'invalid_body');
    const cursor = await deps.store.events.seek(tenant, from);
    await deps.store.streams.setCursor(s.id, cursor);
    await deps.store.health.append({ streamId: s.id, tenant, at: deps.now(), kind: 'cursor_moved', message: `Replay requested from ${body.from}.` });
    await deps.supervisor.refresh(s.id);
    sendJson(res, 200, { id: s.id, from: body.from, cursor } satisfies ReplayAnswer);
  });
}
