// POST /api/v2/log-streams/preview: the exact request(s) a stream's destination would receive.
import type { PreviewAnswer } from '@outflow/api-types';
import { redactText, type PiiConfig, type StreamFilter } from '@outflow/core';
import { z } from 'zod';
import { filterSchema, piiConfigSchema } from '../config/schema.js';
import type { ApiDeps } from './api-deps.js';
import { readJson } from './json-body.js';
import { previewSamples } from './preview-samples.js';
import { HttpError, sendJson } from './respond.js';
import type { Router } from './router.js';
import { checkSink, invalidSink } from './sink-check.js';
import { storedBatch } from './stored-events.js';

/** Sample events are fixed (seed and dates), so a client can ingest the same ones and compare; they match the filters. */
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

export function addPreviewRoute(router: Router, deps: ApiDeps): void {
  router.add('POST', '/api/v2/log-streams/preview', async (req, res) => {
    const { tenant } = deps.tokens.require(req, 'read:log_streams');
    const body = await readJson(req, previewSchema);
    await checkSink(deps, { type: body.type, sink: body.sink, name: 'preview', tenant });
    const stored = storedBatch(body.events ?? previewSamples(body.count ?? 3, SAMPLE_SEED, body.filters as StreamFilter[] | undefined), tenant, deps.now());
    // The events as the log stores them (log_id and date filled in), so ingesting them reproduces the preview.
    const events = stored.envelopes().map((e) => e.data);
    const spec = {
      id: 'preview',
      tenant,
      type: body.type,
      sink: body.sink,
      filters: body.filters as StreamFilter[] | undefined,
      pii_config: body.pii_config as PiiConfig | undefined,
    };
    const opened = await deps.openConnector(spec);
    if (!opened.ok) {
      if (opened.failure.reason === 'unknown_type')
        throw new HttpError(400, `Payload validation error: type: stream type "${body.type}" is not installed.`, 'invalid_body');
      throw invalidSink([{ path: 'sink', message: opened.failure.message }]);
    }
    const { connector, secrets } = opened.stream;
    try {
      if (!connector.preview) throw new HttpError(400, `The "${body.type}" connector cannot preview its requests.`, 'preview_unsupported');
      const requests = opened.stream.prepare(stored).flatMap((b) => connector.preview?.(b).requests ?? []);
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
      await opened.stream.close();
    }
  });
}
