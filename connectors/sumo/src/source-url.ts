// The HTTP Source Address: its checks (without quoting it: it is a secret) and the parts of it to redact.

/** The path of an auth-header URL: the source code is then in the `x-sumo-token` header. */
const AUTH_HEADER_PATH = /^\/receiver\/v1\/http\/?$/;

/** Why a source address is refused, without quoting it, or undefined when it is fine. */
export function sourceAddressProblem(value: string): string | undefined {
  if (!URL.canParse(value)) return 'must be an absolute https:// URL (https://<endpoint>/receiver/v1/http/<code>)';
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an absolute https:// URL (https://<endpoint>/receiver/v1/http/<code>)';
  if (url.username || url.password) return 'must not contain user credentials';
  if (url.search || url.hash) return 'must not have a query or fragment';
  if (AUTH_HEADER_PATH.test(url.pathname)) return 'has no source code after /receiver/v1/http/: for an Auth Header URL, set sumoEndpoint and sumoToken instead';
  if (url.pathname.split('/').filter(Boolean).length === 0)
    return 'has no path: copy the whole HTTP Source Address (https://<endpoint>/receiver/v1/http/<code>)';
  return undefined;
}

/** The path and the source code of a source address: redacted wherever they could be quoted (previews, errors). */
export function sourceAddressSecrets(address: string | undefined): string[] {
  if (!address || !URL.canParse(address)) return [];
  const path = new URL(address).pathname;
  const code = path.split('/').filter(Boolean).pop();
  return [path.slice(1), ...(code && code.length >= 8 ? [code] : [])];
}
