// The Datadog connector definition: schema, limits and factory.
import { defineConnector } from '@outflow/core';
import { datadogConfigSchema } from './config.js';
import { createDatadog } from './datadog.js';

/**
 * Datadog's intake takes at most 1000 logs and 5 MB (uncompressed) per request and 1 MB per log.
 * `maxBytes` counts the stored envelopes; each item adds ~250 bytes of reserved attributes, so
 * batches aim at 4.25 MB (Vector's goal for the same API) to stay under 5 MB.
 */
export const DATADOG_LIMITS = { maxEvents: 1000, maxBytes: 4_250_000, maxEventBytes: 1_000_000 } as const;

export const datadogConnector = defineConnector({
  type: 'datadog',
  displayName: 'Datadog',
  description: 'Sends Auth0 log envelopes to the Datadog Logs intake API v2 with the official client.',
  configSchema: datadogConfigSchema,
  limits: { ...DATADOG_LIMITS },
  create: createDatadog,
});
