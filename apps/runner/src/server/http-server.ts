// The runner's HTTP server: ingest, the management API, a liveness check and the dashboard's files.
import { createServer, type Server } from 'node:http';
import type { Logger } from '@outflow/core';
import type { ApiDeps } from './api-deps.js';
import { createIngestHandler, type IngestDeps } from './ingest-route.js';
import { addConnectorRoutes } from './connectors-routes.js';
import { addLogStreamRoutes } from './log-streams-routes.js';
import { createRequestGuard } from './request-guard.js';
import { HttpError, sendError, sendJson } from './respond.js';
import { addPreviewRoute } from './preview-route.js';
import { createRouter } from './router.js';
import { createStaticHandler } from './static-route.js';
import { addStreamOpsRoutes } from './stream-ops-routes.js';

export interface HttpServerOptions {
  /** The dashboard's built files, served at `/`; none when null. */
  dashboardDir?: string | null;
}

export function createHttpServer(api: ApiDeps, ingest: Omit<IngestDeps, 'store' | 'tokens' | 'logger' | 'now'>, logger: Logger, options: HttpServerOptions = {}): Server {
  const router = createRouter();
  router.add('GET', '/health', (_req, res) => sendJson(res, 200, { status: 'ok' }));
  router.add('POST', '/v1/logs', createIngestHandler({ ...ingest, store: api.store, tokens: api.tokens, logger, now: api.now }));
  addPreviewRoute(router, api);
  addLogStreamRoutes(router, api);
  addStreamOpsRoutes(router, api);
  addConnectorRoutes(router, api);
  const serveStatic = options.dashboardDir ? createStaticHandler(options.dashboardDir) : async () => false;
  // Authentication and rate limits run once per request, before any route (routes read the principal);
  // the dashboard's files need neither.
  const guard = createRequestGuard({ tokens: api.tokens, rateLimit: api.rateLimit, now: api.now });
  const server = createServer((req, res) => {
    serveStatic(req, res)
      .then(async (served) => {
        if (served) return;
        await guard(req, res);
        await router.handle(req, res);
      })
      .catch((err: unknown) => {
        if (res.headersSent) return res.destroy();
        if (err instanceof HttpError) {
          if (err.status === 413) res.setHeader('connection', 'close');
          return sendError(res, err);
        }
        logger.error({ err, method: req.method, path: req.url?.split('?')[0] }, 'A request failed unexpectedly.');
        sendError(res, new HttpError(500, 'Internal error.', 'internal_error'));
      });
  });
  server.keepAliveTimeout = 65_000;
  return server;
}
