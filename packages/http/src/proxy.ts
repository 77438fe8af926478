// Chooses a proxy per target URL (the `proxy` option, else HTTPS_PROXY/HTTP_PROXY/NO_PROXY) and builds its agents.
import http from 'node:http';
import type https from 'node:https';
import createHttpsProxyAgent from 'https-proxy-agent';
import { getProxyForUrl } from 'proxy-from-env';
import type { TlsOptions } from './options.js';

/** An explicit proxy (`egress.proxy`): its URL and the host names that bypass it (`example.com` covers its subdomains, `*` all). */
export interface ProxyOption {
  url: string;
  noProxy?: readonly string[] | undefined;
}

function bypasses(hostname: string, noProxy: readonly string[]): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return noProxy.some((entry) => {
    const name = entry
      .trim()
      .toLowerCase()
      .replace(/^\*?\./, '');
    return name === '*' || host === name || host.endsWith(`.${name}`);
  });
}

/**
 * The proxy URL for `target`, or undefined for a direct connection: the explicit option,
 * else HTTPS_PROXY/HTTP_PROXY/ALL_PROXY with NO_PROXY (proxy-from-env); `false` turns proxies off.
 */
export function proxyFor(target: string, proxy: ProxyOption | false | undefined): URL | undefined {
  if (proxy === false) return undefined;
  if (proxy) return bypasses(new URL(target).hostname, proxy.noProxy ?? []) ? undefined : new URL(proxy.url);
  const fromEnv = getProxyForUrl(target);
  return fromEnv ? new URL(fromEnv) : undefined;
}

/** Agents that go through `proxy`: CONNECT tunnels for https (origin TLS options kept), absolute-URI requests for http. */
export interface ProxyAgents {
  https: https.Agent;
  /** Plain keep-alive agent to the proxy itself (axios sends http requests to it with absolute URIs). */
  http: http.Agent;
  close(): void;
}

export function createProxyAgents(proxy: URL, tls: TlsOptions): ProxyAgents {
  const tunnel = createHttpsProxyAgent({
    protocol: proxy.protocol,
    host: proxy.hostname,
    port: proxy.port,
    auth: proxy.username ? `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}` : undefined,
  });
  // https-proxy-agent upgrades the tunnel with the request's options: add the TLS options there.
  const upgrade = tunnel.callback.bind(tunnel);
  tunnel.callback = (req, opts) => upgrade(req, { ...opts, ...tls });
  const plain = new http.Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64 });
  return {
    https: tunnel as unknown as https.Agent,
    http: plain,
    close() {
      plain.destroy();
    },
  };
}
