// Request headers of HEC calls: the token, JSON, the client, the channel, compression; and their masked form.
import { REDACTED } from '@outflow/core';
import { USER_AGENT } from './version.js';
import type { SplunkConfig } from './types.js';

export type Headers = Record<string, string>;

export const CHANNEL_HEADER = 'X-Splunk-Request-Channel';

/** Headers of every HEC request: `Authorization: Splunk <token>`, User-Agent and the channel when there is one. */
export function baseHeaders(config: SplunkConfig, channel: string | undefined): Headers {
  return {
    Authorization: `Splunk ${config.splunkToken.reveal()}`,
    'User-Agent': USER_AGENT,
    ...(channel ? { [CHANNEL_HEADER]: channel } : {}),
  };
}

/** Headers of an /event POST: JSON, gzip when configured. */
export function eventHeaders(config: SplunkConfig, base: Headers): Headers {
  return { ...base, 'Content-Type': 'application/json', ...(config.splunkCompression === 'gzip' ? { 'Content-Encoding': 'gzip' } : {}) };
}

/** A copy with the token replaced by `[REDACTED]`. */
export function maskHeaders(headers: Headers): Headers {
  return { ...headers, ...(headers.Authorization ? { Authorization: `Splunk ${REDACTED}` } : {}) };
}
