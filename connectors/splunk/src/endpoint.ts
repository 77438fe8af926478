// Where HEC lives: `splunkDomain` (a host name, or a full URL for proxies and tests) with `splunkPort` and `splunkScheme`.

export const DEFAULT_HEC_PORT = '8088';

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const HOST_NAME = new RegExp(`^(?=.{1,253}$)${LABEL}(?:\\.${LABEL})*\\.?$`);
const IPV6 = /^\[[0-9A-Fa-f:.]+\]$/;

export const isUrlDomain = (domain: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(domain);

/** Why `splunkDomain` is unusable, or undefined when it is a host name or an http(s) URL without credentials. */
export function domainProblem(domain: string): string | undefined {
  if (!isUrlDomain(domain)) {
    return HOST_NAME.test(domain) || IPV6.test(domain) ? undefined : 'must be a host name like `splunk.example.com` (no path or port), or an http(s):// URL';
  }
  if (!URL.canParse(domain)) return 'is not a valid URL';
  const url = new URL(domain);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http:// or https:// URL';
  if (url.username || url.password) return 'must not contain credentials; use splunkToken';
  if (url.search || url.hash) return 'must not have a query or fragment';
  return undefined;
}

export interface EndpointFields {
  splunkDomain: string;
  splunkPort?: string | undefined;
  splunkScheme: 'https' | 'http';
}

/**
 * The HEC base URL without a trailing slash. A host name gets `splunkScheme://host:splunkPort`
 * (port 8088 by default). A URL keeps its scheme, port and path prefix; `splunkPort` applies
 * only when the URL names no port, and `splunkScheme` never does.
 */
export function hecBaseUrl(fields: EndpointFields): string {
  if (!isUrlDomain(fields.splunkDomain)) {
    const host = fields.splunkDomain.replace(/\.$/, '');
    return `${fields.splunkScheme}://${host}:${fields.splunkPort ?? DEFAULT_HEC_PORT}`;
  }
  const url = new URL(fields.splunkDomain);
  if (!url.port && fields.splunkPort) url.port = fields.splunkPort;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
