// Dead letters of a stream: list them (GET /{id}/dead-letters) and send them again (POST /{id}/dead-letters/redrive).
import type { DeadLetterView, RedriveAnswer } from '@outflow/api-types';
import { z } from 'zod';
import type { ApiDeps } from './api-deps.js';
import { readJson } from './json-body.js';
import { loadOwnStream } from './log-streams-routes.js';
import { intParam, iso } from './query-params.js';
import { HttpError, sendJson } from './respond.js';
import type { Router } from './router.js';

const redriveSchema = z.object({ ids: z.array(z.number().int().positive()).min(1).max(10_000).optional() }).strict();

export function addDeadLetterRoutes(router: Router, deps: ApiDeps): void {
  router.add('GET', '/api/v2/log-streams/:id/dead-letters', async (req, res, p, url) => {
    const { tenant } = deps.tokens.require(req, 'read:log_streams');
    const s = await loadOwnStream(deps, tenant, p.id as string);
    const letters = await deps.store.deadLetters.list(s.id, {
      limit: intParam(url, 'limit', 100, 1000),
      afterId: intParam(url, 'after', 0, Number.MAX_SAFE_INTEGER),
    });
    sendJson(
      res,
      200,
      letters.map(
        (l): DeadLetterView => ({
          id: l.id,
          log_id: l.logId,
          type: l.type,
          seq: l.seq,
          at: iso(l.at),
          errorKind: l.errorKind,
          status: l.status,
          message: l.message,
          event: JSON.parse(l.raw),
        }),
      ),
    );
  });

  router.add('POST', '/api/v2/log-streams/:id/dead-letters/redrive', async (req, res, p) => {
    const { tenant } = deps.tokens.require(req, 'update:log_streams');
    const s = await loadOwnStream(deps, tenant, p.id as string);
    const body = await readJson(req, redriveSchema);
    const redriving = await deps.supervisor.redrive(s.id, body.ids);
    if (redriving === null) {
      throw new HttpError(
        409,
        `The log stream is ${s.status === 'active' ? 'not running' : s.status}; set it active to redrive its dead letters.`,
        'log_stream_not_active',
      );
    }
    sendJson(res, 202, { redriving } satisfies RedriveAnswer);
  });
}
