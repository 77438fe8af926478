// Logz.io regions: the two-letter code of an account's region → the HTTPS bulk listener (port 8071).

/** Region code → listener host. `us` (AWS US East) has no suffix; the others are `listener-<code>.logz.io`. */
export const LOGZIO_LISTENER_HOSTS = {
  us: 'listener.logz.io',
  eu: 'listener-eu.logz.io',
  uk: 'listener-uk.logz.io',
  au: 'listener-au.logz.io',
  ca: 'listener-ca.logz.io',
  nl: 'listener-nl.logz.io',
  wa: 'listener-wa.logz.io',
} as const;

export type LogzioRegion = keyof typeof LOGZIO_LISTENER_HOSTS;
export const LOGZIO_REGIONS = Object.keys(LOGZIO_LISTENER_HOSTS) as [LogzioRegion, ...LogzioRegion[]];

/** The HTTPS bulk listener's port (8070 is plain HTTP and is never used). */
export const LOGZIO_HTTPS_PORT = 8071;

/** The listener's base URL without a trailing slash; an endpoint override (proxy, fake) wins. */
export function listenerBaseUrl(region: LogzioRegion, endpoint?: string): string {
  if (endpoint) return endpoint.replace(/\/+$/, '');
  return `https://${LOGZIO_LISTENER_HOSTS[region]}:${LOGZIO_HTTPS_PORT}`;
}
