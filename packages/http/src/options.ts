// Options of the HTTP transport.
import type { EgressGuard } from '@outflow/core';
import type { ProxyOption } from './proxy.js';

/** TLS options of the https agent (on-prem Splunk or Elastic): custom CA, client certificate. */
export interface TlsOptions {
  ca?: string | Buffer | Array<string | Buffer> | undefined;
  cert?: string | Buffer | undefined;
  key?: string | Buffer | undefined;
  rejectUnauthorized?: boolean | undefined;
}

export interface HttpTransportOptions {
  guard: EgressGuard;
  /** Default cap of a response body read (1 MiB). */
  maxResponseBytes?: number | undefined;
  /**
   * An explicit proxy, `false` for none; unset reads HTTPS_PROXY/HTTP_PROXY/NO_PROXY. Through a
   * proxy the target URL is still checked, but the socket check sees only the proxy, which the operator trusts.
   */
  proxy?: ProxyOption | false | undefined;
  tls?: TlsOptions | undefined;
}
