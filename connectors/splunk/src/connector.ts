// The Splunk connector definition: schema, limits and factory.
import { defineConnector } from '@outflow/core';
import { splunkConfigSchema } from './config.js';
import { createSplunk } from './splunk.js';

/**
 * HEC's `max_content_length` is 800 MiB on recent Splunk Enterprise but commonly near 1 MB on
 * Splunk Cloud and old releases, so batches stay under 900 KB of envelopes (each event adds
 * ~120 bytes of HEC metadata). Events are at most 900 KB too (Splunk's own default is 5 MB).
 */
export const SPLUNK_LIMITS = { maxEvents: 1000, maxBytes: 900_000, maxEventBytes: 900_000 } as const;

export const splunkConnector = defineConnector({
  type: 'splunk',
  displayName: 'Splunk',
  description: 'Sends Auth0 log envelopes to the Splunk HTTP Event Collector, optionally waiting for indexer acknowledgement.',
  configSchema: splunkConfigSchema,
  limits: { ...SPLUNK_LIMITS },
  create: createSplunk,
});
