// The Logz.io connector: the bulk listener request, its answers, an empty-body probe; @outflow/http does the rest.
import { DeliveryError } from '@outflow/core';
import { defineHttpConnector, type EncodedRequest } from '@outflow/http';
import { classifyLogzio } from './answer.js';
import { logzioConfigSchema } from './config.js';
import { encodeLines, MAX_LINE_BYTES } from './encoder.js';
import { listenerBaseUrl } from './regions.js';
import type { LogzioConfig } from './types.js';
import { USER_AGENT } from './version.js';

/**
 * The listener takes 10,485,760 bytes per body and 500,000 per line, with no count limit. A line
 * is the stored envelope plus at most 51 bytes (`@timestamp` and the newline), so 10,000 events of
 * at most 9,900,000 envelope bytes stay under the body limit.
 */
export const LOGZIO_LIMITS = { maxEvents: 10_000, maxBytes: 9_900_000, maxEventBytes: MAX_LINE_BYTES } as const;

/** The listener URL with the token and type in the query (both URL-safe by the schema; encoded anyway). */
export function listenerUrl(config: LogzioConfig): string {
  const base = listenerBaseUrl(config.logzioRegion, config.logzioEndpoint);
  return `${base}/?token=${encodeURIComponent(config.logzioToken.reveal())}&type=${encodeURIComponent(config.logzioType)}`;
}

const request = (config: LogzioConfig, body: Buffer, indices?: number[]): EncodedRequest => ({
  method: 'POST',
  url: listenerUrl(config),
  // Logz.io's own Node.js shipper sends NDJSON as text/plain; the listener reads lines whatever the type.
  headers: { 'Content-Type': 'text/plain', 'User-Agent': USER_AGENT },
  body,
  compress: config.logzioCompression === 'gzip' && body.length > 0 ? 'gzip' : undefined,
  ...(indices ? { indices } : {}),
});

const lineTooLarge = () => new DeliveryError('invalid', `The event's line is over Logz.io's limit of ${MAX_LINE_BYTES} bytes per line; it was not sent.`);

export const logzioConnector = defineHttpConnector({
  type: 'logzio',
  displayName: 'Logz.io',
  description: 'Ships Auth0 log events to the Logz.io HTTPS bulk listener as NDJSON.',
  configSchema: logzioConfigSchema,
  limits: { ...LOGZIO_LIMITS },
  endpoints: (config) => ({ [config.logzioEndpoint ? 'logzioEndpoint' : 'logzioRegion']: listenerBaseUrl(config.logzioRegion, config.logzioEndpoint) }),
  encode: (batch, config) => {
    const { body, indices, oversized } = encodeLines(batch);
    return {
      requests: indices.length ? [request(config, body, indices)] : [],
      refused: oversized.length ? { indices: oversized, error: lineTooLarge() } : undefined,
    };
  },
  classify: classifyLogzio,
  // An empty POST: the listener checks the token and stores nothing (zero lines).
  probe: (config) => request(config, Buffer.alloc(0)),
  // Defence in depth: the token as written in the URL (the schema keeps it URL-safe, so today the same string).
  secrets: (config) => [encodeURIComponent(config.logzioToken.reveal())],
});
