// Requests over node:http(s) and shared keep-alive agents whose DNS answers and sockets pass the egress guard; no redirects, no retries.
import http from 'node:http';
import https from 'node:https';
import type { EgressGuard, HttpAnswer } from '@outflow/core';
import { leaseAgents } from './shared-agents.js';

/** At most this much of a response body is read (for error excerpts); the rest is dropped. */
export const MAX_RESPONSE_BYTES = 64 * 1024;

export interface TransportOptions {
  url: string;
  timeoutMs: number;
  egress: EgressGuard;
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

/**
 * Reads up to `cap` bytes of the answer. A body that ends within the cap leaves the socket
 * reusable; a longer one is cut off by destroying the response (and so its socket).
 */
function readAnswer(res: http.IncomingMessage, cap: number): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = () => {
      res.off('data', onData);
      resolve(chunks.length === 0 ? '' : Buffer.concat(chunks).toString('utf8'));
    };
    const onData = (chunk: Buffer) => {
      if (size < cap) chunks.push(chunk.subarray(0, cap - size));
      size += chunk.length;
      if (size >= cap) {
        res.destroy();
        finish();
      }
    };
    res.on('data', onData);
    res.once('end', finish);
    // The status line already arrived; the excerpt is best effort.
    res.once('error', finish);
    res.once('close', finish);
  });
}

/**
 * The webhook's hot path: one plain node:http request per attempt. Lighter than a general
 * client (no config merging, header normalizing or URL parsing per request) since every
 * request of a connector goes to the same, already validated URL.
 */
export function createTransport(options: TransportOptions): Transport {
  const agents = leaseAgents(options.egress);
  const target = new URL(options.url);
  const secure = target.protocol === 'https:';
  const send = secure ? https.request : http.request;
  const base: http.RequestOptions = {
    protocol: target.protocol,
    hostname: target.hostname.startsWith('[') ? target.hostname.slice(1, -1) : target.hostname,
    port: target.port || (secure ? 443 : 80),
    path: `${target.pathname}${target.search}`,
    agent: secure ? agents.httpsAgent : agents.httpAgent,
  };

  return {
    request(req) {
      return new Promise<HttpAnswer>((resolve, reject) => {
        // One deadline for the whole exchange, body included; the caller's signal aborts too.
        const controller = new AbortController();
        const onAbort = () => controller.abort(req.signal.reason);
        const timer = setTimeout(() => controller.abort(new DOMException('The request timed out.', 'TimeoutError')), options.timeoutMs);
        const done = () => {
          clearTimeout(timer);
          req.signal.removeEventListener('abort', onAbort);
        };
        if (req.signal.aborted) onAbort();
        else req.signal.addEventListener('abort', onAbort, { once: true });
        const headers: http.OutgoingHttpHeaders = { ...req.headers };
        if (req.body) headers['Content-Length'] = req.body.length;
        const outgoing = send({ ...base, method: req.method, headers, signal: controller.signal }, (res) => {
          readAnswer(res, MAX_RESPONSE_BYTES).then((body) => {
            done();
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
          }, reject);
        });
        outgoing.once('error', (err) => {
          done();
          reject(err);
        });
        outgoing.end(req.body);
      });
    },
    close() {
      agents.release();
    },
  };
}
