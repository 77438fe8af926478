// The HTTP transport: axios over one egress-guarded keep-alive pool, capped answers, the signal as the only deadline.
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import axios, { type AxiosRequestConfig } from 'axios';
import { createEgressHttpAgent, createEgressHttpsAgent, type HttpRequest, type HttpResponse, type HttpTransport } from '@outflow/core';
import { toTransportError } from './errors.js';
import type { HttpTransportOptions } from './options.js';
import { createProxyAgents, proxyFor, type ProxyAgents } from './proxy.js';
import { leanRequest, leanTarget, type LeanTarget } from './lean.js';
import { readCapped } from './read-capped.js';

const gzip = promisify(gzipCallback);

/** Default cap of a response body: enough for any error excerpt or vendor answer we parse. */
export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

const POOL = { keepAlive: true, maxSockets: 256, maxFreeSockets: 64 };

/** URLs whose route is kept; past this (a runner with more destinations) the table starts over. */
const TARGETS_KEPT = 4096;

/** What a URL's requests reuse once the egress policy allowed it: its proxy (none: direct) and, when direct, the lean request options. */
interface Target {
  proxy: URL | undefined;
  lean: LeanTarget | undefined;
}

export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const { guard } = options;
  const tls = options.tls ?? {};
  const httpAgent = createEgressHttpAgent(guard, POOL);
  const httpsAgent = createEgressHttpsAgent(guard, { ...POOL, ...tls });
  const proxies = new Map<string, ProxyAgents>();
  const defaultCap = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const client = axios.create({
    adapter: 'http',
    maxRedirects: 0,
    validateStatus: () => true,
    responseType: 'stream',
    decompress: true,
    maxBodyLength: Infinity,
    maxContentLength: -1,
    transformRequest: [(data: unknown) => data],
  });
  let closed = false;
  // A connector sends every request to the same few URLs: each one's egress verdict (fixed by the policy),
  // proxy decision (which reads the environment) and lean request options are worked out once, not per request.
  const targets = new Map<string, Target>();
  const targetOf = (raw: string): Target => {
    let target = targets.get(raw);
    if (target) return target;
    guard.checkUrl(raw); // throws for a refused URL, which is then never kept
    const proxy = proxyFor(raw, options.proxy);
    target = { proxy, lean: proxy ? undefined : leanTarget(new URL(raw), { http: httpAgent, https: httpsAgent }) };
    if (targets.size >= TARGETS_KEPT) targets.clear();
    targets.set(raw, target);
    return target;
  };

  /** Agents and axios proxy setting for a target: the guarded pool, or the proxy's agents. */
  const route = (url: string, proxy: URL | undefined): Pick<AxiosRequestConfig, 'httpAgent' | 'httpsAgent' | 'proxy'> => {
    if (!proxy) return { httpAgent, httpsAgent, proxy: false };
    let agents = proxies.get(proxy.href);
    if (!agents) proxies.set(proxy.href, (agents = createProxyAgents(proxy, tls)));
    if (url.startsWith('https:')) return { httpsAgent: agents.https, proxy: false };
    const auth = proxy.username ? { username: decodeURIComponent(proxy.username), password: decodeURIComponent(proxy.password) } : undefined;
    return {
      httpAgent: agents.http,
      proxy: { protocol: proxy.protocol.slice(0, -1), host: proxy.hostname, port: Number(proxy.port) || 80, ...(auth ? { auth } : {}) },
    };
  };

  const request = async (req: HttpRequest): Promise<HttpResponse> => {
    const { signal } = req;
    try {
      if (closed) throw Object.assign(new Error('The HTTP transport is closed.'), { code: 'ECLOSED' });
      signal.throwIfAborted();
      const target = targetOf(req.url);
      let data = typeof req.body === 'string' ? Buffer.from(req.body) : req.body;
      const gzipped = data !== undefined && req.compress === 'gzip';
      if (gzipped) data = await gzip(data as Buffer);
      const cap = req.maxResponseBytes ?? defaultCap;
      if (req.lean && target.lean) return await leanRequest(target.lean, req.method, req.headers, gzipped, data, cap, signal);
      const headers: Record<string, string> = gzipped ? { ...req.headers, 'Content-Encoding': 'gzip' } : { ...req.headers };
      const res = await client.request<Readable>({ ...route(req.url, target.proxy), url: req.url, method: req.method, headers, data, signal });
      const { body, truncated } = await readCapped(res.data, cap, signal);
      return { status: res.status, headers: { ...res.headers } as HttpResponse['headers'], body, truncated };
    } catch (err) {
      throw toTransportError(err, signal);
    }
  };

  return {
    request,
    nodeAgents: () => ({ http: httpAgent, https: httpsAgent }),
    async close() {
      closed = true;
      httpAgent.destroy();
      httpsAgent.destroy();
      for (const agents of proxies.values()) agents.close();
    },
  };
}
