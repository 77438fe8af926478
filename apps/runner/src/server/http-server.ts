// The runner's HTTP server: ingest, the management API, a liveness check and the dashboard's files.
import { createServer, type Server } from 'node:http';
import type { Logger } from '@outflow/core';
import type { ApiDeps } from './api-deps.js';
import { createIngestHandler, type IngestDeps } from './ingest-route.js';
import { addConnectorRoutes } from './connectors-routes.js';
import { addLogStreamRoutes } from './log-streams-routes.js';
import { createRequestGuard } from './request-guard.js';
import { checkRequestTarget } from './request-target.js';
import { HttpError, sendError, sendJson } from './respond.js';
import { addPreviewRoute } from './preview-route.js';
import { addProbeRoutes } from './probe-route.js';
import type { OpsHandler } from './ops-routes.js';
import { createRouter } from './router.js';
import { addRunnersRoute } from './runners-route.js';
import { createStaticHandler } from './static-route.js';
import { addStreamOpsRoutes } from './stream-ops-routes.js';

/** Connection limits of the Node server (the `server:` block's timeouts and maxConnections). */
export interface ConnectionLimits {
  /** Time to receive a whole request (headers and body) before Node answers 408 and closes. */
  requestTimeout: number;
  /** Time to receive a request's headers (at most requestTimeout). */
  headersTimeout: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveTimeout: number;
  /** Open connections at most; further ones are closed at once. */
  maxConnections: number;
}

export const DEFAULT_LIMITS: ConnectionLimits = { requestTimeout: 30_000, headersTimeout: 10_000, keepAliveTimeout: 65_000, maxConnections: 1024 };

export interface HttpServerOptions {
  /** The dashboard's built files, served at `/`; none when null. */
  dashboardDir?: string | null;
  limits?: ConnectionLimits;
  /** /livez, /readyz and the metrics path, answered before anything else. */
  ops?: OpsHandler;
}

/** Node checks the timeouts on an interval (30 s by default); check often enough that they fire close to on time. */
function checkingInterval(l: ConnectionLimits): number {
  return Math.max(50, Math.min(1000, Math.floor(Math.min(l.headersTimeout, l.requestTimeout) / 4)));
}

export function createHttpServer(
  api: ApiDeps,
  ingest: Omit<IngestDeps, 'store' | 'tokens' | 'logger' | 'now'>,
  logger: Logger,
  options: HttpServerOptions = {},
): Server {
  const router = createRouter();
  router.add('GET', '/health', (_req, res) => sendJson(res, 200, { status: 'ok' }));
  router.add('POST', '/v1/logs', createIngestHandler({ ...ingest, store: api.store, tokens: api.tokens, logger, now: api.now }));
  addPreviewRoute(router, api);
  addProbeRoutes(router, api);
  addLogStreamRoutes(router, api);
  addStreamOpsRoutes(router, api);
  addConnectorRoutes(router, api);
  addRunnersRoute(router, api);
  const ops = options.ops ?? (async () => false);
  const serveStatic = options.dashboardDir ? createStaticHandler(options.dashboardDir) : async () => false;
  // Authentication and rate limits run once per request, before any route (routes read the principal);
  // the dashboard's files need neither.
  const guard = createRequestGuard({
    tokens: api.tokens,
    rateLimit: () => api.rateLimit,
    now: api.now,
    shared: api.store.rateBuckets,
    logger: logger.child({ component: 'rate-limit' }),
  });
  const limits = options.limits ?? DEFAULT_LIMITS;
  const serverOptions = {
    requestTimeout: limits.requestTimeout,
    headersTimeout: limits.headersTimeout,
    keepAliveTimeout: limits.keepAliveTimeout,
    connectionsCheckingInterval: checkingInterval(limits),
  };
  const server = createServer(serverOptions, (req, res) => {
    // Malformed escapes are the client's error whichever route would have taken the request.
    Promise.resolve()
      .then(() => checkRequestTarget(req.url ?? '/'))
      .then(async () => (await ops(req, res)) || serveStatic(req, res))
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
  server.on('close', () => guard.close());
  server.maxConnections = limits.maxConnections;
  // Connections over the limit are closed by Node; say so at most every 10 s, with how many.
  let dropped = 0;
  let droppedSince = -Infinity;
  server.on('drop', () => {
    dropped++;
    if (api.now() - droppedSince < 10_000) return;
    logger.warn({ dropped, maxConnections: limits.maxConnections }, 'Connections were closed at once: server.maxConnections were open.');
    dropped = 0;
    droppedSince = api.now();
  });
  return server;
}
