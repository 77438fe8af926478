// Which custom header names are refused, and why (names and values are checked by core's headerName/headerValue).

const CLIENT = 'is set by the HTTP client';
const SIGNING = 'is set by Outflow when httpSigningSecret is configured';

/** Lower-case header names a custom header may not set, with the reason. */
export const RESERVED_HEADERS: ReadonlyMap<string, string> = new Map([
  ['host', CLIENT],
  ['content-length', CLIENT],
  ['transfer-encoding', CLIENT],
  ['connection', CLIENT],
  ['keep-alive', CLIENT],
  ['upgrade', CLIENT],
  ['te', CLIENT],
  ['trailer', CLIENT],
  ['expect', CLIENT],
  ['content-type', 'is set from httpContentType'],
  ['content-encoding', 'is set from httpCompression'],
  ['authorization', 'must go in httpAuthorization, which is kept secret'],
  ['webhook-id', SIGNING],
  ['webhook-timestamp', SIGNING],
  ['webhook-signature', SIGNING],
  ['x-outflow-event-count', 'is set by Outflow'],
]);
