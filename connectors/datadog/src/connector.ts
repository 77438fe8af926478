// The Datadog connector: the Logs intake API v2 request, Datadog's answers, the key probe; @outflow/http does the rest.
import { DeliveryError, type DeliveryResult, type HttpResponse } from '@outflow/core';
import { defineHttpConnector } from '@outflow/http';
import { datadogConfigSchema } from './config.js';
import { itemDefaults, toLogItems, wireBody } from './encoder.js';
import { datadogBaseUrls } from './regions.js';
import type { DatadogConfig } from './types.js';
import { USER_AGENT } from './version.js';

export const INTAKE_PATH = '/api/v2/logs';
export const VALIDATE_PATH = '/api/v1/validate';

/**
 * Datadog's intake takes at most 1000 logs and 5 MB (uncompressed) per request and 1 MB per log.
 * `maxBytes` counts the stored envelopes; each item adds ~250 bytes of reserved attributes, so
 * batches aim at 4.25 MB (Vector's goal for the same API) to stay under 5 MB.
 */
export const DATADOG_LIMITS = { maxEvents: 1000, maxBytes: 4_250_000, maxEventBytes: 1_000_000 } as const;

const urls = (config: DatadogConfig) => datadogBaseUrls(config.datadogRegion, config.datadogEndpoint);

const headers = (config: DatadogConfig): Record<string, string> => ({
  Accept: 'application/json',
  'Content-Type': 'application/json',
  'DD-API-KEY': config.datadogApiKey.reveal(),
  'User-Agent': USER_AGENT,
});

/**
 * 404 and 405 mean the endpoint is wrong (config: nothing is dead-lettered). Rate limit answers
 * carry `X-RateLimit-Reset` (seconds) rather than `Retry-After`; it is read as one. The rest: the generic table.
 */
function classifyDatadog(response: HttpResponse): DeliveryResult | undefined {
  const { status, headers: h } = response;
  if (status === 404 || status === 405) {
    const message = `Datadog answered HTTP ${status}: no logs intake at this URL; check datadogRegion or datadogEndpoint.`;
    return { status: 'permanent', error: new DeliveryError('config', message, { status }) };
  }
  if (h['retry-after'] === undefined && h['x-ratelimit-reset'] !== undefined) h['retry-after'] = h['x-ratelimit-reset'];
  return undefined;
}

export const datadogConnector = defineHttpConnector({
  type: 'datadog',
  displayName: 'Datadog',
  description: 'Sends Auth0 log envelopes to the Datadog Logs intake API v2.',
  configSchema: datadogConfigSchema,
  limits: { ...DATADOG_LIMITS },
  endpoints: (config) => ({ [config.datadogEndpoint ? 'datadogEndpoint' : 'datadogRegion']: urls(config).intake }),
  encode: (batch, config) => ({
    method: 'POST',
    url: `${urls(config).intake}${INTAKE_PATH}`,
    headers: headers(config),
    body: wireBody(toLogItems(batch, itemDefaults(config))),
    compress: config.datadogCompression === 'gzip' ? 'gzip' : undefined,
  }),
  classify: classifyDatadog,
  // GET /api/v1/validate checks the key and writes no logs.
  probe: (config) => ({ method: 'GET', url: `${urls(config).api}${VALIDATE_PATH}`, headers: headers(config) }),
});
