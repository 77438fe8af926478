// Builds a ConnectorDefinition from an HttpConnectorSpec: guards, in-flight tracking, preview, healthcheck, secrets.
import {
  collectSecrets, ConfigError, defineConnector, DeliveryError, REDACTED, type Connector, type ConnectorContext,
  type ConnectorDefinition, type DeliveryResult, type HealthResult, type HttpResponse, type LogBatch, type PayloadPreview,
} from '@outflow/core';
import type { z } from 'zod';
import { combineResults, isFailure, mapBounded } from './combine.js';
import type { EncodedRequest, HttpConnectorSpec } from './http-connector-spec.js';
import { createRequestSignals } from './linked-signal.js';
import { toDeliveryResult } from './result.js';
import { leaseTransport } from './transport-for.js';

/** How long `close()` waits for sends in flight before aborting them. */
export const CLOSE_WAIT_MS = 10_000;

const closedError = () => new DeliveryError('config', 'The connector is closed.');
const all = (batch: LogBatch) => Array.from({ length: batch.length }, (_, i) => i);

/** Whole header values that contain a secret, or are named in `masked`, become `[REDACTED]`. */
function maskHeaders(headers: Record<string, string>, secrets: readonly string[], masked: ReadonlySet<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = masked.has(name.toLowerCase()) || secrets.some((s) => s.length >= 4 && value.includes(s)) ? REDACTED : value;
  }
  return out;
}

/** A probe answer as health: 2xx, 404 and 405 reachable; auth, throttling and server errors not; other 4xx reachable. */
function health(outcome: HttpResponse | unknown, result: DeliveryResult): HealthResult {
  const status = (outcome as Partial<HttpResponse>).status;
  if (result.status === 'success' || status === 404 || status === 405) return { ok: true, message: `The destination answered the probe with HTTP ${status}.` };
  if (isFailure(result) && (result.error.kind !== 'invalid' || status === undefined)) return { ok: false, error: result.error };
  return { ok: true, message: `The destination is reachable (HTTP ${status} to the probe).` };
}

export function defineHttpConnector<S extends z.ZodType>(spec: HttpConnectorSpec<S>): ConnectorDefinition<z.output<S>> {
  const masked = new Set((spec.maskedHeaders ?? []).map((h) => h.toLowerCase()));
  const create = (ctx: ConnectorContext, config: z.output<S>): Connector => {
    for (const [path, url] of Object.entries(spec.endpoints(config))) {
      if (url === undefined) continue;
      try {
        ctx.egress.checkUrl(url);
      } catch (err) {
        throw new ConfigError('The destination is not allowed by the egress policy.', [{ path, message: (err as Error).message }]);
      }
    }
    const secrets = [...collectSecrets(config), ...(spec.secrets?.(config) ?? [])];
    const lease = leaseTransport(ctx);
    const transport = lease.transport;
    const timeoutMs = spec.timeoutMs?.(config);
    const requests = createRequestSignals(timeoutMs);
    const pending = new Set<Promise<unknown>>();
    let closing: Promise<void> | undefined;

    const track = <T>(work: Promise<T>): Promise<T> => {
      pending.add(work);
      const done = () => void pending.delete(work);
      work.then(done, done);
      return work;
    };

    const exchange = async (req: EncodedRequest, signal: AbortSignal, events = 0): Promise<{ outcome: unknown; result: DeliveryResult }> => {
      const linked = requests.open(signal);
      const started = Date.now();
      const outcome = await transport.request({ ...req, signal: linked.signal }).catch((err: unknown) => err);
      linked.done();
      const result = toDeliveryResult(outcome, { classify: spec.classify, secrets, now: ctx.clock.now(), events });
      ctx.logger.debug({ status: (outcome as Partial<HttpResponse>).status, outcome: result.status, ms: Date.now() - started }, 'Request answered.');
      return { outcome, result };
    };

    const deliver = async (batch: LogBatch, signal: AbortSignal): Promise<DeliveryResult> => {
      let encoded: EncodedRequest | EncodedRequest[];
      try {
        encoded = spec.encode(batch, config, ctx);
      } catch (err) {
        return { status: 'permanent', error: new DeliveryError('invalid', `The batch could not be encoded: ${(err as Error).message}`) };
      }
      const list = Array.isArray(encoded) ? encoded : [encoded];
      if (list.length === 1) return (await exchange(list[0] as EncodedRequest, signal, batch.length)).result;
      const results = await mapBounded(list, spec.concurrency ?? 8, async (req) => {
        const indices = req.indices ?? all(batch);
        return { result: (await exchange(req, signal, indices.length)).result, indices };
      });
      return combineResults(results);
    };

    return {
      async send(batch, signal) {
        if (closing) return { status: 'permanent', error: closedError() };
        if (batch.length === 0) return { status: 'success' };
        return track(deliver(batch, signal));
      },
      async healthcheck(signal) {
        if (closing) return { ok: false, error: closedError() };
        if (!spec.probe) return { ok: true, message: 'This connector has no probe.' };
        const { outcome, result } = await track(exchange(spec.probe(config), signal));
        return health(outcome, result);
      },
      preview(batch): PayloadPreview {
        if (batch.length === 0) return { requests: [] };
        const encoded = spec.encode(batch, config, ctx);
        return {
          requests: (Array.isArray(encoded) ? encoded : [encoded]).map((req) => ({
            method: req.method,
            url: req.url,
            headers: maskHeaders({ ...req.headers, ...(req.compress ? { 'Content-Encoding': req.compress } : {}) }, secrets, masked),
            body: req.body === undefined ? '' : req.body.toString(),
          })),
        };
      },
      close() {
        closing ??= new Promise<void>((resolve) => {
          // Sends in flight may finish; past the bound they are aborted. Then the transport lease is given back.
          const timer = ctx.clock.setTimeout(() => requests.abortAll(), CLOSE_WAIT_MS);
          void Promise.allSettled([...pending]).then(async () => {
            ctx.clock.clearTimeout(timer);
            await lease.release();
            resolve();
          });
        });
        return closing;
      },
    };
  };
  return defineConnector({ type: spec.type, displayName: spec.displayName, description: spec.description, configSchema: spec.configSchema, limits: spec.limits, create }) as ConnectorDefinition<z.output<S>>;
}
