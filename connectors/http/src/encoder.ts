// Turns a batch into the webhook's requests: one body per batch, or one per event for JSONOBJECT; signed when a key is set.
import { allIndices, encodeBodies, toCloudEvent, type ConnectorContext, type LogBatch } from '@outflow/core';
import type { EncodedRequest } from '@outflow/http';
import { identityHeaders, postHeaders, requestHeaders } from './headers.js';
import { parseSigningKey, signPayload, webhookId } from './signing.js';
import type { HttpConfig } from './types.js';

/** Answers are read only for error excerpts: at most this much. */
const MAX_RESPONSE_BYTES = 64 * 1024;

/** Per-config values computed once (headers, signing key), keyed by the parsed config. */
const prepared = new WeakMap<HttpConfig, { base: Record<string, string>; key: Buffer | undefined }>();

function prepare(config: HttpConfig) {
  let p = prepared.get(config);
  if (!p) prepared.set(config, (p = { base: postHeaders(config), key: config.httpSigningSecret && parseSigningKey(config.httpSigningSecret.reveal()) }));
  return p;
}

/** The bodies of a batch: stored text for Auth0's envelope, else one CloudEvent per event (one per body, or a batch array). */
function bodiesOf(batch: LogBatch, config: HttpConfig, tenant: string): Buffer[] {
  if (config.httpEnvelope !== 'cloudevents') return encodeBodies(batch, config.httpContentFormat);
  const events = batch.envelopes().map((e) => toCloudEvent(e, tenant));
  if (config.httpContentFormat === 'JSONARRAY') return events.length ? [Buffer.from(JSON.stringify(events))] : [];
  return events.map((e) => Buffer.from(JSON.stringify(e)));
}

/**
 * The requests for a non-empty batch. Bodies come from stored text, never re-serialized; gzip happens
 * on the wire. `lean`: the transport's plain node:http path, since axios cost runner CPU here (ADR 0007).
 */
export function encodeHttp(batch: LogBatch, config: HttpConfig, ctx: ConnectorContext): EncodedRequest[] {
  const { base, key } = prepare(config);
  const bodies = bodiesOf(batch, config, ctx.tenant);
  const perEvent = config.httpContentFormat === 'JSONOBJECT';
  return bodies.map((body, i) => {
    const indices = perEvent ? [i] : allIndices(batch.length);
    let signing;
    if (key) {
      const id = webhookId(perEvent ? [batch.logIds[i] as string] : batch.logIds);
      const timestamp = Math.floor(ctx.clock.now() / 1000);
      signing = { id, timestamp, signature: signPayload(key, id, timestamp, body) };
    }
    const headers = requestHeaders(base, indices.length, signing);
    return {
      method: 'POST',
      url: config.httpEndpoint,
      headers,
      body,
      indices,
      compress: config.httpCompression === 'gzip' ? 'gzip' : undefined,
      maxResponseBytes: MAX_RESPONSE_BYTES,
      lean: true,
    };
  });
}

/** The healthcheck: HEAD with the identity headers (credentials, custom headers), no body. */
export function probeHttp(config: HttpConfig): EncodedRequest {
  return { method: 'HEAD', url: config.httpEndpoint, headers: identityHeaders(config), maxResponseBytes: MAX_RESPONSE_BYTES };
}
