// One axios instance per connector: keep-alive agents behind the egress guard, no redirects, no retries.
import type { Readable } from 'node:stream';
import axios from 'axios';
import { createEgressHttpAgent, createEgressHttpsAgent, readExcerpt, scrubError, type EgressGuard, type HttpAnswer } from '@outflow/core';

/** At most this much of a response body is read (for error excerpts). */
const MAX_RESPONSE_BYTES = 64 * 1024;

export interface Transport {
  /** One request, one attempt. Resolves for any HTTP status; rejects (with a scrubbed error) on network errors. */
  request(req: { method: 'POST' | 'HEAD'; url: string; headers: Record<string, string>; body?: Buffer; signal: AbortSignal }): Promise<HttpAnswer>;
  close(): void;
}



export function createTransport(options: { timeoutMs: number; egress: EgressGuard; secrets: readonly string[] }): Transport {
  // The egress agents check DNS answers and every connected socket's address.
  const agentOptions = { keepAlive: true, maxSockets: 8 };
  const httpAgent = createEgressHttpAgent(options.egress, agentOptions);
  const httpsAgent = createEgressHttpsAgent(options.egress, agentOptions);
  const client = axios.create({
    adapter: 'http',
    httpAgent,
    httpsAgent,
    proxy: false,
    maxRedirects: 0,
    validateStatus: () => true,
    responseType: 'stream',
    timeout: options.timeoutMs,
  });
  return {
    async request(req) {
      const signal = AbortSignal.any([req.signal, AbortSignal.timeout(options.timeoutMs)]);
      try {
        const res = await client.request<Readable>({ url: req.url, method: req.method, headers: req.headers, data: req.body, signal });
        const body = await readExcerpt(res.data, MAX_RESPONSE_BYTES);
        return { status: res.status, headers: res.headers as HttpAnswer['headers'], body };
      } catch (err) {
        throw scrubError(err, options.secrets);
      }
    },
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
