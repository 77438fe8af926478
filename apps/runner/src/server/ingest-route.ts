// POST /v1/logs: validates a body of events (gzip, deflate or br encoded or not) and answers 202 only after the log committed them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger, Store } from '@outflow/core';
import { bodyFormat, type ParsePool } from '@outflow/ingest';
import type { IngestObserver } from '../metrics/types.js';
import type { TokenIndex } from './auth.js';
import { readEncodedBody } from './read-encoded-body.js';
import { HttpError, sendJson } from './respond.js';

export interface IngestDeps {
  store: Store;
  tokens: TokenIndex;
  logger: Logger;
  maxBodyBytes: number;
  maxEventsPerRequest: number;
  parser: ParsePool;
  now: () => number;
  /** Told of every request's tenant, status, events and bytes (metrics). */
  observe?: IngestObserver | undefined;
}

export function createIngestHandler(deps: IngestDeps) {
  const handle = createHandler(deps);
  const observe = deps.observe;
  if (!observe) return (req: IncomingMessage, res: ServerResponse) => handle(req, res, {});
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const seen: Seen = {};
    try {
      await handle(req, res, seen);
      observe({ tenant: seen.tenant ?? '', status: 202, events: seen.events ?? 0, bytes: seen.bytes ?? 0 });
    } catch (err) {
      observe({ tenant: seen.tenant ?? '', status: err instanceof HttpError ? err.status : 500, events: 0, bytes: seen.bytes ?? 0 });
      throw err;
    }
  };
}

/** What a request showed before it ended, for the metrics. */
interface Seen {
  tenant?: string;
  bytes?: number;
  events?: number;
}

function createHandler(deps: IngestDeps) {
  return async (req: IncomingMessage, res: ServerResponse, seen: Seen): Promise<void> => {
    const principal = deps.tokens.require(req, 'ingest:logs');
    seen.tenant = principal.tenant;
    const format = bodyFormat(req.headers['content-type']);
    if (!format) {
      throw new HttpError(
        415,
        `Unsupported Content-Type "${req.headers['content-type']}"; send application/json (an array or one event) or application/x-ndjson.`,
        'unsupported_media_type',
      );
    }
    const body = await readEncodedBody(req, deps.maxBodyBytes);
    seen.bytes = body.length;
    const outcome = await deps.parser.parse(body, format, { tenant: principal.tenant, now: deps.now(), maxEvents: deps.maxEventsPerRequest });
    if (!outcome.ok) throw new HttpError(400, outcome.message, 'invalid_events', outcome.issues.length ? { errors: outcome.issues } : {});
    try {
      await deps.store.events.append(outcome.batch);
    } catch (err) {
      deps.logger.error({ err, tenant: principal.tenant }, 'The event log could not commit a batch.');
      throw new HttpError(503, 'The event log could not commit the events; nothing was stored. Retry later.', 'store_unavailable');
    }
    seen.events = outcome.batch.logIds.length;
    sendJson(res, 202, { accepted: outcome.batch.logIds.length });
  };
}
