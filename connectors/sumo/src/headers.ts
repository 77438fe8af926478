// The request's URL and headers: the source address (the credential) or the endpoint with `x-sumo-token`, plus the metadata overrides.
import type { SumoConfig } from './types.js';
import { CONTENT_TYPE } from './encoder.js';
import { USER_AGENT } from './version.js';

/** Where requests go: the source address, else the auth-header endpoint. */
export const sourceUrl = (config: SumoConfig): string => config.sumoSourceAddress?.reveal() ?? (config.sumoEndpoint as string);

/** `k=v,k2=v2` in the configured order (the schema keeps `,` and `=` out of keys and values). */
export const fieldsHeader = (fields: Readonly<Record<string, string>>): string =>
  Object.entries(fields)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

/** Headers every request carries: the token in auth-header mode, and the metadata the config overrides. */
export function sourceHeaders(config: SumoConfig): Record<string, string> {
  const fields = fieldsHeader(config.sumoFields);
  return {
    'User-Agent': USER_AGENT,
    ...(config.sumoToken ? { 'x-sumo-token': config.sumoToken.reveal() } : {}),
    ...(config.sumoCategory ? { 'X-Sumo-Category': config.sumoCategory } : {}),
    ...(config.sumoName ? { 'X-Sumo-Name': config.sumoName } : {}),
    ...(config.sumoHost ? { 'X-Sumo-Host': config.sumoHost } : {}),
    ...(fields ? { 'X-Sumo-Fields': fields } : {}),
  };
}

/** Headers of a delivery: the source headers plus the body's type (the helper adds `Content-Encoding: gzip`). */
export const deliveryHeaders = (config: SumoConfig): Record<string, string> => ({ 'Content-Type': CONTENT_TYPE, ...sourceHeaders(config) });
