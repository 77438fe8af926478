// GET /api/v2/log-streams/{id}/tail?rate=N: the events the stream's destination accepts, live, as server-sent events.
import type { ApiDeps } from './api-deps.js';
import { loadOwnStream } from './log-streams-routes.js';
import { intParam } from './query-params.js';
import { HttpError } from './respond.js';
import type { Router } from './router.js';
import { createTailSession, sseFrame } from '../tail/tail-session.js';

/** Events per second a tail shows by default, and at most. */
export const TAIL_RATE = { default: 10, max: 1000 } as const;
/** Bytes waiting for a slow tail client before events are skipped for it. */
const MAX_BUFFERED_BYTES = 256 * 1024;

export function addTailRoute(router: Router, deps: ApiDeps): void {
  router.add('GET', '/api/v2/log-streams/:id/tail', async (req, res, p, url) => {
    const { tenant } = deps.tokens.require(req, 'read:log_streams');
    const s = await loadOwnStream(deps, tenant, p.id as string);
    const rate = intParam(url, 'rate', TAIL_RATE.default, TAIL_RATE.max, 1);
    const hub = deps.tail;
    if (!hub) throw new HttpError(404, 'Live tails are not available on this runner.', 'not_found');
    const session = createTailSession(res, { rate, maxBufferedBytes: MAX_BUFFERED_BYTES, now: deps.now });
    const leave = hub.subscribe(s.id, session);
    if (!leave) {
      session.dispose();
      throw new HttpError(429, 'Too many live tails are open on this runner; close one and retry.', 'too_many_tails', {}, { 'retry-after': '5' });
    }
    // Not kept alive: once a tail ends (runner stopping), its socket closes and the server can too.
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-accel-buffering': 'no', connection: 'close' });
    res.write(sseFrame('ready', JSON.stringify({ id: s.id, name: s.name, rate, pii: s.pii_config ? s.pii_config.method : null })));
    const end = () => {
      leave();
      session.dispose();
      // The connection served only this tail: drop it, so a closing server never waits on it.
      req.socket.destroy();
    };
    req.socket.setTimeout(0);
    res.on('close', end);
    deps.logger.debug({ stream: s.id, tenant, rate }, 'A live tail opened.');
  });
}
