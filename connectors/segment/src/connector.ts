// The segment connector: one /v1/batch request per send over @outflow/http, the empty-batch probe; the helper does the rest.
import { defineHttpConnector } from '@outflow/http';
import { basicOf, encodeSegment, probeSegment } from './batch-request.js';
import { batchUrl, segmentConfigSchema } from './config.js';

const KiB = 1024;

export const segmentConnector = defineHttpConnector({
  type: 'segment',
  displayName: 'Segment',
  description: "Sends each event as a Segment `track` call (messageId = log_id, readable event name, the event as properties) to the Tracking API's /v1/batch.",
  configSchema: segmentConfigSchema,
  // Segment allows 500 KB per request and 32 KB per event. Each track call adds ~0.5 KB around
  // the event (name, ids, context), hence the margins.
  limits: { maxEvents: 100, maxBytes: 400 * KiB, maxEventBytes: 30 * KiB },
  endpoints: (config) => ({ [config.segmentHost ? 'segmentHost' : 'segmentRegion']: batchUrl(config) }),
  encode: encodeSegment,
  probe: probeSegment,
  // Any answer but 2xx fails the probe (a 404 means a wrong segmentHost, not a reachable Segment).
  health: (answer, result) =>
    result.status === 'success'
      ? { ok: true, message: `Segment accepted an empty batch (HTTP ${answer.status}).` }
      : 'error' in result
        ? { ok: false, error: result.error }
        : undefined,
  secrets: (config) => [basicOf(config)],
});
