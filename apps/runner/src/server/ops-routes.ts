// GET /livez, /readyz and the Prometheus metrics path: answered before authentication, the router and the dashboard.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Secret } from '@outflow/core';
import type { RunnerMetrics } from '../metrics/types.js';
import type { Readiness } from './readiness.js';
import { HttpError, sendJson } from './respond.js';

export interface OpsOptions {
  readiness: Readiness;
  /** Served at `path` when set. */
  metrics?: { registry: RunnerMetrics; path: string; token?: Secret | undefined } | undefined;
}

/** Answers an ops request and returns true, or returns false when the request is not one. */
export type OpsHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

function bearerMatches(req: IncomingMessage, token: Secret): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  if (!m) return false;
  const given = Buffer.from(m[1] as string);
  const want = Buffer.from(token.reveal());
  return given.length === want.length && timingSafeEqual(given, want);
}

export function createOpsHandler(o: OpsOptions): OpsHandler {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/livez') {
      sendJson(res, 200, { status: 'live' });
      return true;
    }
    if (path === '/readyz') {
      const state = o.readiness.check();
      if (state.ready) sendJson(res, 200, { status: 'ready' });
      else sendJson(res, 503, { status: 'not_ready', code: state.code, reason: state.reason });
      return true;
    }
    const m = o.metrics;
    if (!m || path !== m.path) return false;
    if (m.token && !bearerMatches(req, m.token)) {
      throw new HttpError(
        401,
        'The metrics need a bearer token: send Authorization: Bearer <server.metrics.token>.',
        'unauthorized',
        {},
        {
          'www-authenticate': 'Bearer realm="outflow-metrics"',
        },
      );
    }
    const { contentType, body } = await m.registry.render();
    res.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}
