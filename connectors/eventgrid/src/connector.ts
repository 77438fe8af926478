// The eventgrid connector: schema, limits, the request a batch becomes and the probe; @outflow/http does the rest.
import { defineHttpConnector } from '@outflow/http';
import { eventgridConfigSchema } from './config.js';
import { CONTENT_TYPE, encodeBatch } from './encoder.js';
import type { EventgridConfig } from './types.js';

const MiB = 1024 * 1024;

const headers = (config: EventgridConfig): Record<string, string> => ({
  'Content-Type': CONTENT_TYPE,
  'User-Agent': 'outflow-connector',
  'X-Api-Key': config.apiKey.reveal(),
});

export const eventgridConnector = defineHttpConnector({
  type: 'eventgrid',
  displayName: 'Eventgrid',
  description: 'POSTs Auth0 log events as JSON lines to an HTTPS intake with an API key.',
  configSchema: eventgridConfigSchema,
  limits: { maxEvents: 500, maxBytes: 5 * MiB, maxEventBytes: 1 * MiB },
  endpoints: (config) => ({ endpoint: config.endpoint }),
  encode: (batch, config) => ({ method: 'POST', url: config.endpoint, headers: headers(config), body: encodeBatch(batch) }),
  // A vendor table would go here, e.g. `classify: { 400: 'auth' }` for an intake that answers a bad key with 400.
  probe: (config) => ({ method: 'HEAD', url: config.endpoint, headers: headers(config) }),
});
