// The Datadog SDK's HTTP layer for Outflow: node http(s) over egress-guarded keep-alive agents, one attempt, no retries.
import http from 'node:http';
import https from 'node:https';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import type { client } from '@datadog/datadog-api-client';
import { createEgressHttpAgent, createEgressHttpsAgent, type EgressGuard, type HttpAnswer } from '@outflow/core';
import { USER_AGENT } from './version.js';

const gzip = promisify(gzipCallback);

/** At most this much of a response body is kept; Datadog's answers are tiny. */
export const MAX_RESPONSE_BYTES = 256 * 1024;

export type Answer = Required<HttpAnswer>;

export interface Agents {
  http: http.Agent;
  https: https.Agent;
  destroy(): void;
}

/** Keep-alive agents whose DNS answers and connected sockets go through the egress guard. */
export function createAgents(egress: EgressGuard): Agents {
  const options = { keepAlive: true, maxSockets: 16 };
  const agents = { http: createEgressHttpAgent(egress, options), https: createEgressHttpsAgent(egress, options) };
  return { ...agents, destroy: () => (agents.http.destroy(), agents.https.destroy()) };
}

export interface ExchangeRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: Buffer | undefined;
  signal?: AbortSignal | undefined;
}

/** One HTTP exchange. Resolves with the answer for any status; rejects on network errors and aborts. */
export function exchange(agents: Agents, req: ExchangeRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const url = new URL(req.url);
    const secure = url.protocol === 'https:';
    const headers = { ...req.headers, ...(req.body ? { 'Content-Length': String(req.body.length) } : {}) };
    const options = { method: req.method, headers, signal: req.signal, agent: secure ? agents.https : agents.http };
    const request = (secure ? https : http).request(url, options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        const body = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: { ...res.headers }, body });
      };
      res.on('data', (chunk: Buffer) => {
        if (size >= MAX_RESPONSE_BYTES) return;
        chunks.push(chunk.subarray(0, MAX_RESPONSE_BYTES - size));
        size += chunk.length;
      });
      res.on('end', done);
      // The status line arrived: a body cut short (abort, reset) still yields what came.
      res.on('error', done);
      res.on('aborted', done);
    });
    request.on('error', reject);
    request.end(req.body);
  });
}

/**
 * An `HttpLibrary` for one SDK call. It sends the request once (the SDK's retry fields are
 * ignored), gzips the body when the SDK asks for `Content-Encoding: gzip`, passes the call's
 * AbortSignal, and reports the raw answer, because the SDK's `ApiException` drops the headers
 * (Retry-After, X-RateLimit-Reset).
 */
export function createHttpLibrary(
  ResponseContext: typeof client.ResponseContext,
  agents: Agents,
  onAnswer: (answer: Answer) => void,
): client.HttpLibrary {
  return {
    async send(request) {
      const headers = { ...request.getHeaders() };
      headers['user-agent'] = `${USER_AGENT} ${headers['user-agent'] ?? ''}`.trim();
      headers['Accept-Encoding'] = 'identity';
      const raw = request.getBody();
      if (raw !== undefined && typeof raw !== 'string' && !Buffer.isBuffer(raw)) throw new TypeError('Multipart bodies are not supported.');
      let body = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
      if (body && headers['Content-Encoding'] === 'gzip') body = await gzip(body);
      const signal = request.getHttpConfig().signal as AbortSignal | undefined;
      const answer = await exchange(agents, { url: request.getUrl(), method: request.getHttpMethod(), headers, body, signal });
      onAnswer(answer);
      const flat: Record<string, string> = {};
      for (const [k, v] of Object.entries(answer.headers)) if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(', ') : v;
      const bytes = Buffer.from(answer.body, 'utf8');
      return new ResponseContext(answer.status, flat, { text: async () => answer.body, binary: async () => bytes });
    },
  };
}
