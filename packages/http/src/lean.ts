// The lean request path: one plain node:http(s) request over the same guarded agents (the webhook's hot path, ADR 0007).
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { HttpResponse } from '@outflow/core';
import { readCapped } from './read-capped.js';

const DECODERS: Record<string, () => NodeJS.ReadWriteStream> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/** The answer's body decoded as axios would (gzip, deflate, br); HEAD and 204 have none to decode. */
function decoded(res: http.IncomingMessage, method: string): Readable {
  const make = DECODERS[String(res.headers['content-encoding'] ?? '').toLowerCase()];
  if (!make || method === 'HEAD' || res.statusCode === 204) return res;
  const decoder = make() as unknown as Readable;
  res.on('error', (err) => decoder.destroy(err));
  decoder.on('close', () => res.destroy());
  return res.pipe(decoder as unknown as NodeJS.WritableStream) as unknown as Readable;
}

export interface LeanAgents {
  http: http.Agent;
  https: https.Agent;
}

/** A URL's request options, worked out once per URL: where to connect and through which pooled agent. */
export interface LeanTarget {
  send: typeof http.request;
  options: http.RequestOptions;
}

export function leanTarget(url: URL, agents: LeanAgents): LeanTarget {
  const secure = url.protocol === 'https:';
  return {
    send: secure ? https.request : http.request,
    options: {
      protocol: url.protocol,
      hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
      port: url.port || (secure ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      agent: secure ? agents.https : agents.http,
      ...(url.username ? { auth: `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` } : {}),
    },
  };
}

/**
 * No config merging or header normalizing: headers go as given, Content-Length from the body.
 * The signal is watched here until the answer's head arrives, then by the capped read (node's
 * own `signal` option costs an end-of-stream watcher per request).
 */
export function leanRequest(
  target: LeanTarget,
  method: string,
  headers: Record<string, string> | undefined,
  gzipped: boolean,
  body: Buffer | undefined,
  cap: number,
  signal: AbortSignal,
): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const outgoing: http.OutgoingHttpHeaders = { ...headers };
    if (gzipped) outgoing['Content-Encoding'] = 'gzip';
    if (body) outgoing['Content-Length'] = body.length;
    const req = target.send({ ...target.options, method, headers: outgoing }, (res) => {
      signal.removeEventListener('abort', onAbort);
      readCapped(decoded(res, method), cap, signal).then(
        ({ body: answer, truncated }) => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: answer, truncated }),
        reject,
      );
    });
    const onAbort = () => {
      reject(signal.reason);
      req.destroy();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    req.once('error', (err) => {
      signal.removeEventListener('abort', onAbort);
      reject(err);
    });
    req.end(body);
  });
}
