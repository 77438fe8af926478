// The Sumo Logic connector: JSON lines to an HTTP Logs source, Sumo's answers, one sender per source; @outflow/http does the rest.
import { defineConnector, DeliveryError, type Connector, type DeliveryResult } from '@outflow/core';
import { defineHttpConnector } from '@outflow/http';
import { classifySumo } from './classify.js';
import { sumoConfigSchema } from './config.js';
import { encodeBodies } from './encoder.js';
import { deliveryHeaders, sourceHeaders, sourceUrl } from './headers.js';
import { acquire, laneKey } from './source-gate.js';
import { sourceAddressSecrets } from './source-url.js';
import type { SumoConfig } from './types.js';

/**
 * At most 1 MB of uncompressed data per request (Sumo's documented ceiling): the stored envelopes
 * plus one newline each stay under 1,000,000 bytes. Sumo splits messages over 64 KB
 * (`_size = 65536`), which would break an event's JSON, so larger events are dead-lettered instead.
 */
export const SUMO_LIMITS = { maxEvents: 2000, maxBytes: 998_000, maxEventBytes: 65_536 } as const;

const http = defineHttpConnector({
  type: 'sumo',
  displayName: 'Sumo Logic',
  description: 'Sends Auth0 log envelopes as gzip JSON lines to a Sumo Logic HTTP Logs & Metrics source.',
  configSchema: sumoConfigSchema,
  limits: { ...SUMO_LIMITS },
  endpoints: (config) => (config.sumoSourceAddress ? { sumoSourceAddress: sourceUrl(config) } : { sumoEndpoint: config.sumoEndpoint }),
  encode: (batch, config) =>
    encodeBodies(batch).map(({ body, indices }) => ({
      method: 'POST',
      url: sourceUrl(config),
      headers: deliveryHeaders(config),
      body,
      compress: 'gzip',
      indices,
    })),
  classify: classifySumo,
  // A HEAD carries no body, so it writes no message; a refused token or a deleted source still answers 401 or 404.
  probe: (config) => ({ method: 'HEAD', url: sourceUrl(config), headers: sourceHeaders(config) }),
  secrets: (config) => sourceAddressSecrets(config.sumoSourceAddress?.reveal()),
  // The bodies of one batch go one after the other: Sumo sources are not built for parallel senders.
  concurrency: 1,
});

const waited = (): DeliveryResult => ({
  status: 'retryable',
  error: new DeliveryError('transient', 'The attempt ended while waiting for its turn to send to the Sumo source (one sender per source, sumoConcurrency).'),
});

/** Sends through the source's lane: at most `sumoConcurrency` requests in flight per source, across streams. */
function gated(inner: Connector, config: SumoConfig): Connector {
  const key = laneKey(sourceUrl(config), config.sumoToken?.reveal());
  return {
    ...inner,
    async send(batch, signal) {
      if (batch.length === 0) return inner.send(batch, signal);
      const release = await acquire(key, config.sumoConcurrency, signal);
      if (!release) return waited();
      try {
        return await inner.send(batch, signal);
      } finally {
        release();
      }
    },
  };
}

export const sumoConnector = defineConnector({
  type: http.type,
  displayName: http.displayName,
  description: http.description,
  configSchema: sumoConfigSchema,
  limits: http.limits,
  create: (ctx, config) => gated(http.create(ctx, config), config),
});
