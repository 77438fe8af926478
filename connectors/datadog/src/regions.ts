// Datadog sites: Auth0's `datadogRegion` values (plus a few Outflow adds) → intake and API base URLs.

/** Region → Datadog site. Auth0 knows us, eu, us3 and us5; Outflow adds ap1, ap2, uk1 and gov. */
export const DATADOG_SITES = {
  us: 'datadoghq.com',
  eu: 'datadoghq.eu',
  us3: 'us3.datadoghq.com',
  us5: 'us5.datadoghq.com',
  ap1: 'ap1.datadoghq.com',
  ap2: 'ap2.datadoghq.com',
  uk1: 'uk1.datadoghq.com',
  gov: 'ddog-gov.com',
} as const;

export type DatadogRegion = keyof typeof DATADOG_SITES;
export const DATADOG_REGIONS = Object.keys(DATADOG_SITES) as [DatadogRegion, ...DatadogRegion[]];

export interface DatadogBaseUrls {
  /** Base of the logs intake (`/api/v2/logs` is appended). */
  intake: string;
  /** Base of the API host (`/api/v1/validate` is appended). */
  api: string;
}

/** Base URLs without a trailing slash. An endpoint override serves both (proxies, tests). */
export function datadogBaseUrls(region: DatadogRegion, endpoint?: string): DatadogBaseUrls {
  if (endpoint) {
    const base = endpoint.replace(/\/+$/, '');
    return { intake: base, api: base };
  }
  const site = DATADOG_SITES[region];
  return { intake: `https://http-intake.logs.${site}`, api: `https://api.${site}` };
}
