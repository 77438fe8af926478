// GET /api/v2/log-streams/{id}/stats?minutes=N: per-minute delivered, failed, dead-lettered and failed-round counts.
import type { StatsBucketView, StreamStatsView } from '@outflow/api-types';
import type { ApiDeps } from './api-deps.js';
import { loadOwnStream } from './log-streams-routes.js';
import { intParam } from './query-params.js';
import { HttpError, sendJson } from './respond.js';
import type { Router } from './router.js';
import { STATS_MINUTES } from './stats-window.js';

const MINUTE = 60_000;

export function addStatsRoute(router: Router, deps: ApiDeps): void {
  router.add('GET', '/api/v2/log-streams/:id/stats', async (req, res, p, url) => {
    const { tenant } = deps.tokens.require(req, 'read:log_streams');
    const s = await loadOwnStream(deps, tenant, p.id as string);
    const minutes = intParam(url, 'minutes', STATS_MINUTES.default, Number.MAX_SAFE_INTEGER, STATS_MINUTES.min);
    if (minutes > STATS_MINUTES.max)
      throw new HttpError(400, `Query parameter minutes must be an integer from ${STATS_MINUTES.min} to ${STATS_MINUTES.max}.`, 'invalid_query_string');
    // The window ends with the current minute; every minute is listed, zeros included.
    const end = Math.floor(deps.now() / MINUTE) * MINUTE + MINUTE;
    const start = end - minutes * MINUTE;
    const found = new Map((await deps.store.stats.list(s.id, start, end)).map((b) => [b.at, b]));
    const buckets = Array.from({ length: minutes }, (_, i): StatsBucketView => {
      const at = start + i * MINUTE;
      const b = found.get(at);
      return {
        at: new Date(at).toISOString(),
        delivered: b?.delivered ?? 0,
        failed: b?.failed ?? 0,
        deadLettered: b?.deadLettered ?? 0,
        failedRounds: b?.failedRounds ?? 0,
      };
    });
    sendJson(res, 200, { id: s.id, bucketSeconds: 60, buckets } satisfies StreamStatsView);
  });
}
