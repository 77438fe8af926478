// The runner's HTTP server: ingest, the management API and a liveness check.
import { createServer, type Server } from 'node:http';
import type { Logger } from '@outflow/core';
import type { ApiDeps } from './api-deps.js';
import { createIngestHandler, type IngestDeps } from './ingest-route.js';
import { addLogStreamRoutes } from './log-streams-routes.js';
import { HttpError, sendError, sendJson } from './respond.js';
import { addPreviewRoute } from './preview-route.js';
import { createRouter } from './router.js';
import { addStreamOpsRoutes } from './stream-ops-routes.js';

export function createHttpServer(api: ApiDeps, ingest: Omit<IngestDeps, 'store' | 'tokens' | 'logger' | 'now'>, logger: Logger): Server {
  const router = createRouter();
  router.add('GET', '/health', (_req, res) => sendJson(res, 200, { status: 'ok' }));
  router.add('POST', '/v1/logs', createIngestHandler({ ...ingest, store: api.store, tokens: api.tokens, logger, now: api.now }));
  addPreviewRoute(router, api);
  addLogStreamRoutes(router, api);
  addStreamOpsRoutes(router, api);
  const server = createServer((req, res) => {
    router.handle(req, res).catch((err: unknown) => {
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
