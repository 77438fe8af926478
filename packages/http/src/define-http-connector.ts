// Builds a ConnectorDefinition from an HttpConnectorSpec: guards, in-flight tracking, preview, healthcheck, secrets.
import {
  collectSecrets,
  defineConnector,
  trackInFlight,
  DeliveryError,
  isTransportError,
  REDACTED,
  redactText,
  type Connector,
  type ConnectorContext,
  type ConnectorDefinition,
  type DeliveryResult,
  type HealthResult,
  type HttpResponse,
  type LogBatch,
  type PayloadPreview,
} from '@outflow/core';
import type { z } from 'zod';
import { combineResults, isFailure, mapBounded } from './combine.js';
import { checkEndpoints } from './endpoints.js';
import type { EncodedBatch, EncodedRequest, HttpConnectorSpec } from './http-connector-spec.js';
import { toDeliveryResult } from './result.js';
import { leaseTransport, type TransportLease } from './transport-for.js';
import { createHttpTransport } from './transport.js';

import { closedError } from './sdk-connector.js';
const all = (batch: LogBatch) => Array.from({ length: batch.length }, (_, i) => i);

/** Whole header values that contain a secret, or are named in `masked`, become `[REDACTED]`. */
function maskHeaders(headers: Record<string, string>, secrets: readonly string[], masked: ReadonlySet<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = masked.has(name.toLowerCase()) || secrets.some((s) => s.length >= 4 && value.includes(s)) ? REDACTED : value;
  }
  return out;
}

/** The URL with secrets redacted after its origin (a webhook URL may itself be the credential). */
function maskUrl(url: string, secrets: readonly string[]): string {
  const origin = URL.canParse(url) ? new URL(url).origin : '';
  return url.startsWith(origin) ? origin + redactText(url.slice(origin.length), secrets) : redactText(url, secrets);
}

/** encode's answer in its full form. */
const asBatch = (encoded: EncodedRequest | EncodedRequest[] | EncodedBatch): EncodedBatch =>
  Array.isArray(encoded) ? { requests: encoded } : 'requests' in encoded ? encoded : { requests: [encoded as EncodedRequest] };

/**
 * A probe answer as health: 2xx, 404 and 405 reachable (unless the vendor reads them as `config`:
 * the probe's path is a real endpoint); auth, config, throttling and server errors not; other 4xx reachable.
 */
function health(outcome: HttpResponse | unknown, result: DeliveryResult): HealthResult {
  const status = (outcome as Partial<HttpResponse>).status;
  const vendorConfig = isFailure(result) && result.error.kind === 'config';
  if (result.status === 'success' || ((status === 404 || status === 405) && !vendorConfig))
    return { ok: true, message: `The destination answered the probe with HTTP ${status}.` };
  if (isFailure(result) && (result.error.kind !== 'invalid' || status === undefined)) return { ok: false, error: result.error };
  return { ok: true, message: `The destination is reachable (HTTP ${status} to the probe).` };
}

export function defineHttpConnector<S extends z.ZodType>(spec: HttpConnectorSpec<S>): ConnectorDefinition<z.output<S>> {
  const masked = new Set((spec.maskedHeaders ?? []).map((h) => h.toLowerCase()));
  const create = (ctx: ConnectorContext, config: z.output<S>): Connector => {
    checkEndpoints(ctx, spec.endpoints(config));
    const secrets = [...collectSecrets(config), ...(spec.secrets?.(config) ?? [])];
    const tls = spec.tls?.(config);
    const own = tls && createHttpTransport({ guard: ctx.egress, tls });
    const lease: TransportLease = own ? { transport: own, release: () => own.close() } : leaseTransport(ctx);
    const transport = lease.transport;
    const inFlight = trackInFlight(ctx.clock);
    const track = inFlight.track;

    const exchange = async (req: EncodedRequest, signal: AbortSignal, events = 0): Promise<{ outcome: unknown; result: DeliveryResult }> => {
      const linked = inFlight.open(signal);
      const started = Date.now();
      const outcome = await transport.request({ ...req, signal: linked.signal }).catch((err: unknown) => err);
      linked.done();
      const vendor = isTransportError(outcome) ? spec.classifyError?.(outcome, config) : undefined;
      const result = vendor ?? toDeliveryResult(outcome, { classify: spec.classify, secrets, now: ctx.clock.now(), events });
      ctx.logger.debug({ status: (outcome as Partial<HttpResponse>).status, outcome: result.status, ms: Date.now() - started }, 'Request answered.');
      return { outcome, result };
    };

    /** A success handed to `confirm` when the spec has one, with the attempt's signal linked to close. */
    const confirmed = async ({ outcome, result }: { outcome: unknown; result: DeliveryResult }, signal: AbortSignal): Promise<DeliveryResult> => {
      if (!spec.confirm || result.status !== 'success') return result;
      const linked = inFlight.open(signal);
      try {
        return await spec.confirm(outcome as HttpResponse, { config, ctx, signal: linked.signal, exchange: (req) => exchange(req, linked.signal) });
      } finally {
        linked.done();
      }
    };

    const deliver = async (batch: LogBatch, signal: AbortSignal): Promise<DeliveryResult> => {
      let encoded: EncodedBatch;
      try {
        encoded = asBatch(spec.encode(batch, config, ctx));
      } catch (err) {
        return { status: 'permanent', error: new DeliveryError('invalid', `The batch could not be encoded: ${(err as Error).message}`) };
      }
      const { requests: list, refused } = encoded;
      const refusedResults = refused?.indices.length ? [{ result: { status: 'permanent', error: refused.error } as const, indices: refused.indices }] : [];
      if (list.length === 1 && !refusedResults.length) return confirmed(await exchange(list[0] as EncodedRequest, signal, batch.length), signal);
      const results = await mapBounded(list, spec.concurrency ?? 8, async (req) => {
        const indices = req.indices ?? all(batch);
        return { result: await confirmed(await exchange(req, signal, indices.length), signal), indices };
      });
      return combineResults([...results, ...refusedResults]);
    };

    return {
      async send(batch, signal) {
        if (inFlight.closed) return { status: 'permanent', error: closedError() };
        if (batch.length === 0) return { status: 'success' };
        return track(deliver(batch, signal));
      },
      async healthcheck(signal) {
        if (inFlight.closed) return { ok: false, error: closedError() };
        if (!spec.probe) return { ok: true, message: 'This connector has no probe.' };
        let answer: HealthResult = { ok: true, message: 'This connector has no probe.' };
        for (const req of [spec.probe(config)].flat()) {
          const { outcome, result } = await track(exchange(req, signal));
          const own = isTransportError(outcome) ? undefined : spec.health?.(outcome as HttpResponse, result);
          if (!(answer = own ?? health(outcome, result)).ok) break;
        }
        return answer;
      },
      preview(batch): PayloadPreview {
        if (batch.length === 0) return { requests: [] };
        return {
          requests: asBatch(spec.encode(batch, config, ctx)).requests.map((req) => ({
            method: req.method,
            url: maskUrl(req.url, secrets),
            headers: maskHeaders({ ...req.headers, ...(req.compress ? { 'Content-Encoding': req.compress } : {}) }, secrets, masked),
            body: req.body === undefined ? '' : req.body.toString(),
          })),
        };
      },
      close() {
        // Sends in flight may finish; past the bound they are aborted. Then the transport lease is given back.
        return inFlight.close(lease.release);
      },
    };
  };
  return defineConnector({
    type: spec.type,
    displayName: spec.displayName,
    description: spec.description,
    configSchema: spec.configSchema,
    limits: spec.limits,
    ...(spec.needsUnmasked ? { needsUnmasked: spec.needsUnmasked } : {}),
    create,
  }) as ConnectorDefinition<z.output<S>>;
}
