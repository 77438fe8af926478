// One axios instance per connector: keep-alive agents whose DNS answers and sockets pass the egress guard, TLS per splunkSecure, no redirects, no retries.
import type { Readable } from 'node:stream';
import axios from 'axios';
import { createEgressHttpAgent, createEgressHttpsAgent, readExcerpt, type EgressGuard, type HttpAnswer } from '@outflow/core';

/** At most this much of a response body is read; HEC answers are small JSON objects. */
export const MAX_RESPONSE_BYTES = 64 * 1024;

export interface TransportOptions {
  /** HEC base URL without a trailing slash. */
  baseUrl: string;
  egress: EgressGuard;
  /** Verify TLS certificates (`splunkSecure`). */
  verifyTls: boolean;
}

export interface TransportRequest {
  method: 'GET' | 'POST';
  /** Path (and query) below the base URL, e.g. `/services/collector/event`. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer | undefined;
  signal: AbortSignal;
}

export type Answer = Required<HttpAnswer>;

export interface Transport {
  /** One request, one attempt. Resolves with the answer for any status; rejects on network errors and aborts. */
  request(req: TransportRequest): Promise<Answer>;
  /** Destroys the agents' sockets. */
  close(): void;
}


export function createTransport(options: TransportOptions): Transport {
  const common = { keepAlive: true, maxSockets: 16 };
  const httpAgent = createEgressHttpAgent(options.egress, common);
  const httpsAgent = createEgressHttpsAgent(options.egress, { ...common, rejectUnauthorized: options.verifyTls });
  const client = axios.create({
    adapter: 'http',
    httpAgent,
    httpsAgent,
    proxy: false,
    maxRedirects: 0,
    decompress: true,
    validateStatus: () => true,
    responseType: 'stream',
    transformResponse: [(data: unknown) => data],
    transitional: { clarifyTimeoutError: true },
  });

  return {
    async request(req) {
      const res = await client.request<Readable>({
        url: `${options.baseUrl}${req.path}`,
        method: req.method,
        headers: req.headers,
        data: req.body,
        signal: req.signal,
      });
      const body = await readExcerpt(res.data, MAX_RESPONSE_BYTES);
      return { status: res.status, headers: { ...(res.headers as Record<string, string | string[] | undefined>) }, body };
    },
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
