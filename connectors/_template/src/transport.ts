// One axios instance per connector: keep-alive agents behind the egress guard, no redirects, no retries.
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import axios from 'axios';
import { redactText, type EgressGuard, type HttpAnswer } from '@outflow/core';

/** At most this much of a response body is read (for error excerpts). */
const MAX_RESPONSE_BYTES = 64 * 1024;

export interface Transport {
  /** One request, one attempt. Resolves for any HTTP status; rejects (with a scrubbed error) on network errors. */
  request(req: { method: 'POST' | 'HEAD'; url: string; headers: Record<string, string>; body?: Buffer; signal: AbortSignal }): Promise<HttpAnswer>;
  close(): void;
}

/**
 * A copy of a thrown error with only name, code and redacted message along the cause chain:
 * axios errors carry the request config, API key header included, which must not reach logs.
 */
export function scrubError(err: unknown, secrets: readonly string[], depth = 0): Error {
  const e = (err instanceof Error ? err : new Error(String(err))) as Error & { code?: unknown };
  const cause = e.cause !== undefined && depth < 4 ? scrubError(e.cause, secrets, depth + 1) : undefined;
  const copy = new Error(redactText(e.message, secrets), cause ? { cause } : undefined);
  copy.name = e.name;
  copy.stack = `${copy.name}: ${copy.message}`;
  if (typeof e.code === 'string') Object.assign(copy, { code: e.code });
  return copy;
}

async function readCapped(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk.subarray(0, MAX_RESPONSE_BYTES - size));
      size += chunk.length;
      if (size >= MAX_RESPONSE_BYTES) break;
    }
  } catch {
    // The status already arrived; the excerpt is best effort.
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function createTransport(options: { timeoutMs: number; lookup: EgressGuard['lookup']; secrets: readonly string[] }): Transport {
  const agentOptions = { keepAlive: true, maxSockets: 8, lookup: options.lookup } as http.AgentOptions;
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent(agentOptions);
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
        const body = await readCapped(res.data);
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
