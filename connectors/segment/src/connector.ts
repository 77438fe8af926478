// The segment connector definition: schema, limits and factory.
import { defineConnector } from '@outflow/core';
import { segmentConfigSchema } from './config.js';
import { createSegment } from './segment.js';

const KiB = 1024;

export const segmentConnector = defineConnector({
  type: 'segment',
  displayName: 'Segment',
  description: 'Sends each event as a Segment `track` call (messageId = log_id, readable event name, the event as properties) through @segment/analytics-node.',
  configSchema: segmentConfigSchema,
  // Segment allows 500 KB per request and 32 KB per event. Each track call adds ~0.5 KB around
  // the event (name, ids, context, SDK metadata), hence the margins.
  limits: { maxEvents: 100, maxBytes: 400 * KiB, maxEventBytes: 30 * KiB },
  create: createSegment,
});
