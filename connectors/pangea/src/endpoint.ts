// Where the Secure Audit Log lives and what every request carries: `https://audit.<domain>` (or the override) and the Bearer token.
import type { PangeaConfig } from './types.js';
import { USER_AGENT } from './version.js';

export const LOG_PATH = '/v2/log';
export const REQUEST_PATH = '/request/';

/** The service base URL without a trailing slash. */
export function auditBaseUrl(config: Pick<PangeaConfig, 'pangeaDomain' | 'pangeaBaseUrl'>): string {
  if (config.pangeaBaseUrl) {
    const url = new URL(config.pangeaBaseUrl);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  }
  return `https://audit.${config.pangeaDomain}`;
}

/** Headers of every request: the token as Bearer, and the client. */
export function baseHeaders(config: PangeaConfig): Record<string, string> {
  return { Authorization: `Bearer ${config.pangeaToken.reveal()}`, 'User-Agent': USER_AGENT };
}

/** Headers of a JSON POST. */
export const jsonHeaders = (config: PangeaConfig): Record<string, string> => ({ ...baseHeaders(config), 'Content-Type': 'application/json' });
