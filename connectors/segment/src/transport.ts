// HTTP for the Segment client: keep-alive agents behind the egress guard, answers recorded, non-2xx thrown so the SDK never waits or retries.
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import type { HTTPClient, HTTPClientRequest, HTTPResponse } from '@segment/analytics-node';
import { createEgressHttpAgent, createEgressHttpsAgent, readExcerpt, type EgressGuard } from '@outflow/core';

/** At most this much of an answer is kept (for a short error excerpt). */
const MAX_RESPONSE_BYTES = 64 * 1024;

export interface SegmentAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * Thrown to the SDK for every non-2xx answer. The SDK then fails the batch after one attempt
 * (maxRetries 0) instead of sleeping on Retry-After (it does that even with maxRetries 0) or
 * reducing the answer to a `[status] statusText` string; the answer stays available here.
 */
export class SegmentAnswerError extends Error {
  override readonly name = 'SegmentAnswerError';
  constructor(readonly answer: SegmentAnswer) {
    super(`Segment answered HTTP ${answer.status}.`);
  }
}

export interface SegmentRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  signal: AbortSignal;
}

export interface SegmentTransport {
  /** One POST; resolves for any status, rejects on network errors, aborts and timeouts. */
  post(req: SegmentRequest): Promise<SegmentAnswer>;
  /** An HTTPClient for @segment/analytics-node bound to one send's abort signal. */
  clientFor(signal: AbortSignal): HTTPClient;
  close(): void;
}


export function createSegmentTransport(egress: EgressGuard): SegmentTransport {
  const agentOptions = { keepAlive: true, maxSockets: 8 };
  const httpAgent = createEgressHttpAgent(egress, agentOptions);
  const httpsAgent = createEgressHttpsAgent(egress, agentOptions);

  const post = (req: SegmentRequest): Promise<SegmentAnswer> =>
    new Promise((resolve, reject) => {
      const url = new URL(req.url);
      const secure = url.protocol === 'https:';
      const body = Buffer.from(req.body, 'utf8');
      const signal = AbortSignal.any([req.signal, AbortSignal.timeout(req.timeoutMs)]);
      const outgoing = (secure ? https : http).request(
        url,
        { method: 'POST', agent: secure ? httpsAgent : httpAgent, headers: { ...req.headers, 'Content-Length': String(body.length) }, signal },
        (res) => {
          readExcerpt(res, MAX_RESPONSE_BYTES).then((text) => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }), reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });

  return {
    post,
    clientFor(signal) {
      return {
        async makeRequest(options: HTTPClientRequest): Promise<HTTPResponse> {
          const answer = await post({ url: options.url, headers: options.headers, body: options.body, timeoutMs: options.httpRequestTimeout, signal });
          if (answer.status < 200 || answer.status >= 300) throw new SegmentAnswerError(answer);
          return { status: answer.status, statusText: 'OK', headers: {}, text: async () => answer.body };
        },
      };
    },
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
