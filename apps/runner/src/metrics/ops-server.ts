// The metrics port of its own: /metrics, /livez and /readyz, open from startup until the runner has stopped.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@outflow/core';
import type { OpsHandler } from '../server/ops-routes.js';
import { HttpError, sendError } from '../server/respond.js';

export interface OpsServer {
  url: string;
  close(): Promise<void>;
}

export async function startOpsServer(handle: OpsHandler, host: string, port: number, logger: Logger): Promise<OpsServer> {
  const server: Server = createServer((req, res) => {
    handle(req, res)
      .then((served) => {
        if (!served) sendError(res, new HttpError(404, `Not found: ${(req.url ?? '/').split('?')[0]}.`, 'not_found'));
      })
      .catch((err: unknown) => {
        if (res.headersSent) return res.destroy();
        if (err instanceof HttpError) return sendError(res, err);
        logger.error({ err }, 'A metrics request failed unexpectedly.');
        sendError(res, new HttpError(500, 'Internal error.', 'internal_error'));
      });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok());
  });
  const bound = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${bound}`;
  logger.info({ url }, 'Metrics and health checks are served on their own port.');
  return {
    url,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
