// POST /api/v2/log-streams/{id}/test: one synthetic event sent now (not stored), and what the destination said.
import { z } from 'zod';
import type { ApiDeps } from './api-deps.js';
import { readJson } from './json-body.js';
import { loadOwnStream } from './log-streams-routes.js';
import { sendJson } from './respond.js';
import type { Router } from './router.js';
import { sendTestEvent } from './test-send.js';

const testSchema = z.object({ event: z.record(z.string(), z.unknown()).optional() }).strict();

export function addTestRoute(router: Router, deps: ApiDeps): void {
  router.add('POST', '/api/v2/log-streams/:id/test', async (req, res, p) => {
    const { tenant } = deps.tokens.require(req, 'update:log_streams');
    const stream = await loadOwnStream(deps, tenant, p.id as string);
    const body = await readJson(req, testSchema);
    sendJson(res, 200, await sendTestEvent(deps, stream, body.event));
  });
}
