// The Panther connector: an HTTP log source's POST, its answers and a HEAD probe; @outflow/http does the rest.
import { defineHttpConnector } from '@outflow/http';
import { classifyPanther, pantherHealth } from './classify.js';
import { pantherConfigSchema } from './config.js';
import { encodePanther, probePanther } from './encoder.js';
import type { PantherConfig } from './types.js';

/**
 * Panther takes at most 1 MB per request, headers included. `maxBytes` counts the stored envelopes;
 * a request adds at most 1,002 bytes of separators (1,000 events) and ~8 KB of request line and
 * headers (URL ≤ 2,048, secret ≤ 4,096), so 980,000 keeps every request under 1,000,000 bytes.
 */
export const PANTHER_LIMITS = { maxEvents: 1000, maxBytes: 980_000, maxEventBytes: 980_000 } as const;

/** Besides the secret fields: the token alone, as it appears in `Bearer <token>`. */
const extraSecrets = (config: PantherConfig): string[] => {
  const token = config.pantherBearerToken?.reveal();
  return token ? [token] : [];
};

export const pantherConnector = defineHttpConnector({
  type: 'panther',
  displayName: 'Panther',
  description: 'POSTs Auth0 log envelopes to a Panther HTTP log source as JSON lines or a JSON array, with bearer, shared secret or HMAC authentication.',
  configSchema: pantherConfigSchema,
  limits: { ...PANTHER_LIMITS },
  endpoints: (config) => ({ pantherUrl: config.pantherUrl }),
  encode: encodePanther,
  classify: classifyPanther,
  probe: probePanther,
  health: pantherHealth,
  secrets: extraSecrets,
});
