// The http (Custom Webhook) connector: schema, limits, requests, probe and secrets over @outflow/http.
import { defineHttpConnector } from '@outflow/http';
import { httpConfigSchema } from './config.js';
import { encodeHttp, probeHttp } from './encoder.js';
import type { HttpConfig } from './types.js';

const MiB = 1024 * 1024;

/** The webhook's batch limits, presets included. */
export const WEBHOOK_LIMITS = { maxEvents: 1000, maxBytes: 4 * MiB, maxEventBytes: 1 * MiB } as const;

/** Besides each secret: the credential of `Bearer <token>` and the key of `whsec_<key>`. */
export function extraSecrets(config: HttpConfig): string[] {
  const out: string[] = [];
  const auth = config.httpAuthorization?.reveal();
  const credential = auth?.split(/\s+/).pop();
  if (credential && credential !== auth && credential.length >= 8) out.push(credential);
  const signing = config.httpSigningSecret?.reveal();
  if (signing?.startsWith('whsec_')) out.push(signing.slice('whsec_'.length));
  return out;
}

export const httpConnector = defineHttpConnector({
  type: 'http',
  displayName: 'Custom Webhook',
  description: 'POSTs Auth0 log envelopes to an HTTPS endpoint as JSON lines, a JSON array or one JSON object per request.',
  configSchema: httpConfigSchema,
  limits: { ...WEBHOOK_LIMITS },
  endpoints: (config) => ({ httpEndpoint: config.httpEndpoint }),
  encode: encodeHttp,
  probe: probeHttp,
  maskedHeaders: ['webhook-signature'],
  secrets: extraSecrets,
  // JSONOBJECT: requests in flight at once, one per event.
  concurrency: 8,
});
