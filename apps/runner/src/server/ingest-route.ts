// POST /v1/logs: validates a body of events (gzip, deflate or br encoded or not) and answers 202 only after the log committed them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger, Store } from '@outflow/core';
import { bodyFormat, type ParsePool } from '@outflow/ingest';
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
}

export function createIngestHandler(deps: IngestDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const principal = deps.tokens.require(req, 'ingest:logs');
    const format = bodyFormat(req.headers['content-type']);
    if (!format) {
      throw new HttpError(
        415,
        `Unsupported Content-Type "${req.headers['content-type']}"; send application/json (an array or one event) or application/x-ndjson.`,
        'unsupported_media_type',
      );
    }
    const body = await readEncodedBody(req, deps.maxBodyBytes);
    const outcome = await deps.parser.parse(body, format, { tenant: principal.tenant, now: deps.now(), maxEvents: deps.maxEventsPerRequest });
    if (!outcome.ok) throw new HttpError(400, outcome.message, 'invalid_events', outcome.issues.length ? { errors: outcome.issues } : {});
    try {
      await deps.store.events.append(outcome.batch);
    } catch (err) {
      deps.logger.error({ err, tenant: principal.tenant }, 'The event log could not commit a batch.');
      throw new HttpError(503, 'The event log could not commit the events; nothing was stored. Retry later.', 'store_unavailable');
    }
    sendJson(res, 202, { accepted: outcome.batch.logIds.length });
  };
}
