// Turns a batch into the POST to the HTTP log source: JSON lines or a JSON array of envelopes, gzip, auth header.
import { gzipSync } from 'node:zlib';
import type { LogBatch } from '@outflow/core';
import type { EncodedRequest } from '@outflow/http';
import { authHeader } from './auth.js';
import type { PantherConfig } from './types.js';
import { USER_AGENT } from './version.js';

/** Answers are read only for error excerpts: at most this much. */
const MAX_RESPONSE_BYTES = 64 * 1024;

export const CONTENT_TYPES = { JSONLINES: 'application/x-ndjson', JSONARRAY: 'application/json' } as const;

/** The body before compression, built from the stored envelope texts (never re-serialized). */
export function encodeBody(batch: LogBatch, config: PantherConfig): Buffer {
  return config.pantherContentFormat === 'JSONARRAY' ? batch.jsonArray() : batch.jsonLines();
}

/**
 * The request of a non-empty batch. An HMAC covers the body as sent, so with `hmac` and gzip the
 * body is compressed here and signed compressed; otherwise the transport gzips it on the wire.
 */
export function encodePanther(batch: LogBatch, config: PantherConfig): EncodedRequest {
  const plain = encodeBody(batch, config);
  const gzip = config.pantherCompression === 'gzip';
  const signed = config.pantherAuthMethod === 'hmac';
  const body = gzip && signed ? gzipSync(plain) : plain;
  const [name, value] = authHeader(config, body);
  const headers: Record<string, string> = { 'Content-Type': CONTENT_TYPES[config.pantherContentFormat], 'User-Agent': USER_AGENT, [name]: value };
  if (gzip && signed) headers['Content-Encoding'] = 'gzip';
  return {
    method: 'POST',
    url: config.pantherUrl,
    headers,
    body,
    compress: gzip && !signed ? 'gzip' : undefined,
    maxResponseBytes: MAX_RESPONSE_BYTES,
    lean: true,
  };
}

/** The healthcheck: HEAD on the source URL with the credentials (an HMAC of the empty body), writing nothing. */
export function probePanther(config: PantherConfig): EncodedRequest {
  const [name, value] = authHeader(config, Buffer.alloc(0));
  return { method: 'HEAD', url: config.pantherUrl, headers: { 'User-Agent': USER_AGENT, [name]: value }, maxResponseBytes: MAX_RESPONSE_BYTES };
}
