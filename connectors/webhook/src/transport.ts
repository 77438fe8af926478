// One axios instance per connector over shared keep-alive agents whose DNS answers pass the egress guard; no redirects, no retries.
import type { Readable } from 'node:stream';
import axios from 'axios';
import { readExcerpt, type EgressGuard, type HttpAnswer } from '@outflow/core';
import { leaseAgents } from './shared-agents.js';

/** At most this much of a response body is read (for error excerpts); the rest is dropped. */
export const MAX_RESPONSE_BYTES = 64 * 1024;

export interface TransportOptions {
  url: string;
  timeoutMs: number;
  lookup: EgressGuard['lookup'];
}

export interface TransportRequest {
  method: 'POST' | 'HEAD';
  headers: Record<string, string>;
  body?: Buffer | undefined;
  signal: AbortSignal;
}

export interface Transport {
  /** One request, one attempt. Resolves with the answer for any status; rejects on network errors. */
  request(req: TransportRequest): Promise<HttpAnswer>;
  /** Releases the shared agents (the last user destroys their sockets). */
  close(): void;
}


export function createTransport(options: TransportOptions): Transport {
  const agents = leaseAgents(options.lookup);
  const { httpAgent, httpsAgent } = agents;
  const client = axios.create({
    adapter: 'http',
    httpAgent,
    httpsAgent,
    proxy: false,
    maxRedirects: 0,
    validateStatus: () => true,
    // Streamed so that an oversized body on a 2xx stays a success; capped by readExcerpt.
    responseType: 'stream',
    transformResponse: [(data: unknown) => data],
    timeout: options.timeoutMs,
    transitional: { clarifyTimeoutError: true },
  });

  return {
    async request(req) {
      // axios' timeout is per socket phase; this deadline bounds the whole exchange, body included.
      const controller = new AbortController();
      const onAbort = () => controller.abort(req.signal.reason);
      if (req.signal.aborted) onAbort();
      else req.signal.addEventListener('abort', onAbort, { once: true });
      const timer = setTimeout(() => controller.abort(new DOMException('The request timed out.', 'TimeoutError')), options.timeoutMs);
      try {
        const res = await client.request<Readable>({
          url: options.url,
          method: req.method,
          headers: req.headers,
          data: req.body,
          signal: controller.signal,
        });
        const body = await readExcerpt(res.data, MAX_RESPONSE_BYTES);
        const headers = { ...(res.headers as Record<string, string | string[] | undefined>) };
        return { status: res.status, headers, body };
      } finally {
        clearTimeout(timer);
        req.signal.removeEventListener('abort', onAbort);
      }
    },
    close() {
      agents.release();
    },
  };
}
