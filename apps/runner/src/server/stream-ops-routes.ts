// Beyond Auth0, under /api/v2/log-streams/{id}: health, stats, replay, dead letters, test sends, live tail.
import type { ApiDeps } from './api-deps.js';
import { addDeadLetterRoutes } from './dead-letters-routes.js';
import { addHealthRoute } from './health-route.js';
import { addReplayRoute } from './replay-route.js';
import type { Router } from './router.js';
import { addStatsRoute } from './stats-route.js';
import { addTailRoute } from './tail-route.js';
import { addTestRoute } from './test-route.js';

export function addStreamOpsRoutes(router: Router, deps: ApiDeps): void {
  addHealthRoute(router, deps);
  addStatsRoute(router, deps);
  addReplayRoute(router, deps);
  addDeadLetterRoutes(router, deps);
  addTestRoute(router, deps);
  addTailRoute(router, deps);
}
