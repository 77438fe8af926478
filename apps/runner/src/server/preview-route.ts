// POST /api/v2/log-streams/preview: the exact request(s) a stream's destination would receive.
import type { PreviewAnswer } from '@outflow/api-types';
import { collectSecrets, redactText, systemClock, type Logger, type PiiConfig, type StreamFilter } from '@outflow/core';
import { sampleEvents } from '@outflow/samples';
import { z } from 'zod';
import { filterSchema, piiConfigSchema } from '../config/schema.js';
import type { ApiDeps } from './api-deps.js';
import { chunked, deliveredForm, storedBatch } from './event-batch.js';
import { readJson } from './json-body.js';
import { HttpError, sendJson } from './respond.js';
import type { Router } from './router.js';
import { checkSink } from './sink-check.js';

/** Sample events are fixed (seed and dates), so a client can ingest the same ones and compare. */
const SAMPLE_SEED = 20_260_101;
const MAX_EVENTS = 20;

const previewSchema = z
  .object({
    type: z.string().min(1),
    sink: z.record(z.string(), z.unknown()),
    filters: z.array(filterSchema).optional(),
    pii_config: piiConfigSchema.optional(),
    events: z.array(z.record(z.string(), z.unknown())).min(1).max(MAX_EVENTS).optional(),
    count: z.coerce.number().int().min(1).max(MAX_EVENTS).optional(),
  })
  .strict();

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

export function addPreviewRoute(router: Router, deps: ApiDeps): void {
  router.add('POST', '/api/v2/log-streams/preview', async (req, res) => {
    const { tenant } = deps.tokens.require(req, 'read:log_streams');
    const body = await readJson(req, previewSchema);
    await checkSink(deps, { type: body.type, sink: body.sink, name: 'preview', tenant });
    const def = deps.registry.get(body.type);
    if (!def) throw new HttpError(400, `Payload validation error: type: stream type "${body.type}" is not installed.`, 'invalid_body');
    const config = def.configSchema.parse(body.sink);
    const secrets = collectSecrets(config);
    const stored = storedBatch(body.events ?? sampleEvents(body.count ?? 3, SAMPLE_SEED), tenant, deps.now());
    // The events as the log stores them (log_id and date filled in), so ingesting them reproduces the preview.
    const events = stored.envelopes().map((e) => e.data);
    const batch = await deliveredForm(stored, body.filters as StreamFilter[] | undefined, body.pii_config as PiiConfig | undefined);
    const connector = def.create({ streamId: 'preview', tenant, logger: silent, clock: systemClock, egress: deps.egress }, config);
    try {
      if (!connector.preview) throw new HttpError(400, `The "${body.type}" connector cannot preview its requests.`, 'preview_unsupported');
      const requests = chunked(batch, def.limits.maxEvents, def.limits.maxBytes).flatMap((b) => connector.preview?.(b).requests ?? []);
      // Connectors mask their secrets; redacting again keeps one that slipped through out of the answer.
      const clean = (text: string) => redactText(text, secrets);
      sendJson(res, 200, {
        events,
        requests: requests.map((r) => ({
          method: r.method,
          url: clean(r.url),
          headers: Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k.toLowerCase(), clean(v)])),
          body: clean(r.body),
        })),
      } satisfies PreviewAnswer);
    } finally {
      await connector.close();
    }
  });
}
