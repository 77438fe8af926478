// GET /api/v2/runners: the live runners, their heartbeats and the caller's streams each one delivers.
import type { ApiDeps } from './api-deps.js';
import { sendJson } from './respond.js';
import { runnerDirectoryOf } from './runner-directory.js';
import type { Router } from './router.js';

export function addRunnersRoute(router: Router, deps: ApiDeps): void {
  const directory = runnerDirectoryOf(deps);
  router.add('GET', '/api/v2/runners', async (req, res) => {
    const { tenant } = deps.tokens.require(req, 'read:log_streams');
    sendJson(res, 200, await directory.list(tenant));
  });
}
