// The Splunk connector: the HEC /event request, HEC's reply codes, indexer acknowledgement, TLS per splunkSecure; @outflow/http does the rest.
import { defineHttpConnector } from '@outflow/http';
import { awaitAck } from './ack.js';
import { classifyHec, classifyTls } from './classify.js';
import { splunkConfigSchema } from './config.js';
import { hecBody, hecMetadata } from './encoder.js';
import { hecBaseUrl } from './endpoint.js';
import { baseHeaders, jsonHeaders } from './headers.js';

export const EVENT_PATH = '/services/collector/event';
export const HEALTH_PATH = '/services/collector/health';

/**
 * HEC's `max_content_length` is 800 MiB on recent Splunk Enterprise but commonly near 1 MB on
 * Splunk Cloud and old releases, so batches stay under 900 KB of envelopes (each event adds
 * ~120 bytes of HEC metadata). Events are at most 900 KB too (Splunk's own default is 5 MB).
 */
export const SPLUNK_LIMITS = { maxEvents: 1000, maxBytes: 900_000, maxEventBytes: 900_000 } as const;

export const splunkConnector = defineHttpConnector({
  type: 'splunk',
  displayName: 'Splunk',
  description: 'Sends Auth0 log envelopes to the Splunk HTTP Event Collector, optionally waiting for indexer acknowledgement.',
  configSchema: splunkConfigSchema,
  limits: { ...SPLUNK_LIMITS },
  endpoints: (config) => ({ splunkDomain: hecBaseUrl(config) }),
  encode: (batch, config) => ({
    method: 'POST',
    url: `${hecBaseUrl(config)}${EVENT_PATH}`,
    headers: jsonHeaders(config),
    body: hecBody(batch, hecMetadata(config)),
    compress: config.splunkCompression === 'gzip' ? 'gzip' : undefined,
  }),
  classify: classifyHec,
  classifyError: classifyTls,
  confirm: awaitAck,
  // Certificate verification off for a self-signed HEC: this connector then has a pool of its own.
  tls: (config) => (config.splunkSecure ? undefined : { rejectUnauthorized: false }),
  // GET /health (queues), then an empty /event POST: "No data" (400, code 5) when the token is good; nothing is indexed.
  probe: (config) => [
    { method: 'GET', url: `${hecBaseUrl(config)}${HEALTH_PATH}`, headers: baseHeaders(config) },
    { method: 'POST', url: `${hecBaseUrl(config)}${EVENT_PATH}`, headers: jsonHeaders(config), body: '' },
  ],
});
