// The Pangea connector: bulk /v2/log requests, Pangea's envelope statuses, Accepted requests polled within the attempt; @outflow/http does the rest.
import { defineHttpConnector, type EncodedRequest } from '@outflow/http';
import { classifyPangea } from './classify.js';
import { pangeaConfigSchema } from './config.js';
import { logBody } from './encoder.js';
import { auditBaseUrl, jsonHeaders, LOG_PATH } from './endpoint.js';
import { FIELD_LIMITS } from './event-map.js';
import { awaitSettled } from './poll.js';
import type { PangeaConfig } from './types.js';

/**
 * /v2/log takes at most 1,000 events per request. Each event's raw envelope travels in `new`
 * (at most 32,766 characters), so an envelope above 32,766 bytes is a dead letter before sending.
 * Pangea publishes no request size limit; 5 MB keeps batches of large events moderate.
 */
export const PANGEA_LIMITS = { maxEvents: 1000, maxBytes: 5_000_000, maxEventBytes: FIELD_LIMITS.new } as const;

/**
 * The probe: a /v2/log request with no events. Nothing can be written; a good token and config get
 * a ValidationError (or Success), a bad token Unauthorized, a config the token may not use MissingConfigIDScope.
 */
const probe = (config: PangeaConfig): EncodedRequest => ({
  method: 'POST',
  url: `${auditBaseUrl(config)}${LOG_PATH}`,
  headers: jsonHeaders(config),
  body: JSON.stringify({ ...(config.pangeaConfigId ? { config_id: config.pangeaConfigId } : {}), events: [] }),
});

export const pangeaConnector = defineHttpConnector({
  type: 'pangea',
  displayName: 'Pangea',
  description: 'Writes Auth0 log events to the Pangea Secure Audit Log (Auth0 Log Streaming schema) through the bulk /v2/log API.',
  configSchema: pangeaConfigSchema,
  limits: { ...PANGEA_LIMITS },
  endpoints: (config) => ({ [config.pangeaBaseUrl ? 'pangeaBaseUrl' : 'pangeaDomain']: auditBaseUrl(config) }),
  encode: (batch, config) => ({
    method: 'POST',
    url: `${auditBaseUrl(config)}${LOG_PATH}`,
    headers: jsonHeaders(config),
    body: logBody(batch, config.pangeaConfigId),
  }),
  classify: classifyPangea,
  confirm: awaitSettled,
  probe,
});
