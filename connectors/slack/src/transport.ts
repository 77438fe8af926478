// One axios instance per connector: keep-alive agents whose DNS answers and sockets pass the egress guard, no redirects, no retries.
import type { FetchFunction } from '@slack/web-api';
import axios from 'axios';
import { createEgressHttpAgent, createEgressHttpsAgent, type EgressGuard, type HttpAnswer } from '@outflow/core';

/** Responses above this size are refused (Slack's answers are a few hundred bytes). */
const MAX_RESPONSE_BYTES = 1024 * 1024;

export interface SlackHttpRequest {
  method: 'POST' | 'GET';
  url: string;
  headers: Record<string, string>;
  body?: string | undefined;
  signal: AbortSignal;
}

export interface SlackAnswer extends HttpAnswer {
  statusText: string;
  headers: Record<string, string>;
  body: string;
}

export interface SlackHttp {
  /** One request, one attempt: resolves for any status, rejects on network errors, aborts and timeouts. */
  request(req: SlackHttpRequest): Promise<SlackAnswer>;
  /** A `fetch` for WebClient that goes through this transport and stops when `signal` aborts. */
  fetchFor(signal: AbortSignal, onAnswer?: (answer: SlackAnswer) => void): FetchFunction;
  /** Destroys the agents' sockets. */
  close(): void;
}

/** What WebClient reads from a fetch response (its FetchResponse type is not exported). */
type FetchResponse = Awaited<ReturnType<FetchFunction>>;

function flatHeaders(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined && value !== null) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

function fetchResponse(url: string, answer: SlackAnswer): FetchResponse {
  return {
    ok: answer.status >= 200 && answer.status < 300,
    status: answer.status,
    statusText: answer.statusText,
    url,
    headers: {
      get: (name: string) => answer.headers[name.toLowerCase()] ?? null,
      entries: () => Object.entries(answer.headers),
    },
    arrayBuffer: async () => {
      const bytes = Buffer.from(answer.body, 'utf8');
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
    json: async () => JSON.parse(answer.body) as unknown,
    text: async () => answer.body,
  };
}

export function createSlackHttp(options: { timeoutMs: number; egress: EgressGuard }): SlackHttp {
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
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    maxContentLength: MAX_RESPONSE_BYTES,
    timeout: options.timeoutMs,
    transitional: { clarifyTimeoutError: true },
  });

  const request = async (req: SlackHttpRequest): Promise<SlackAnswer> => {
    // axios' timeout is per socket phase; this deadline bounds the whole exchange.
    const signal = AbortSignal.any([req.signal, AbortSignal.timeout(options.timeoutMs)]);
    const res = await client.request<string>({ url: req.url, method: req.method, headers: req.headers, data: req.body, signal });
    const body = typeof res.data === 'string' ? res.data : '';
    return { status: res.status, statusText: res.statusText ?? '', headers: flatHeaders(res.headers as Record<string, unknown>), body };
  };

  return {
    request,
    fetchFor(signal, onAnswer) {
      return async (url, init = {}) => {
        if (init.body !== undefined && typeof init.body !== 'string') throw new TypeError('File uploads are not supported by the Outflow Slack transport.');
        const signals = init.signal ? AbortSignal.any([signal, init.signal]) : signal;
        const answer = await request({ method: 'POST', url: String(url), headers: init.headers ?? {}, body: init.body, signal: signals });
        onAnswer?.(answer);
        return fetchResponse(String(url), answer);
      };
    },
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
