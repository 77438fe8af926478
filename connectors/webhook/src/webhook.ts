// The webhook connector instance: one attempt per send, healthcheck by HEAD, previews, close.
import {
  createInflight, collectSecrets, ConfigError, type Connector, type ConnectorContext, type DeliveryResult, type LogBatch, type PayloadPreview,
} from '@outflow/core';
import { mapBounded } from './bounded.js';
import { compressBody, planRequests, type PlannedRequest } from './encoder.js';
import { identityHeaders, maskHeaders, postHeaders, requestHeaders, type Headers } from './headers.js';
import { answerResult, closedError, closedResult, combineResults, errorResult, healthFromAnswer, healthFromError } from './outcome.js';
import { parseSigningKey, signPayload, webhookId } from './signing.js';
import { createTransport } from './transport.js';
import type { WebhookConfig } from './types.js';

/** Requests in flight at once for JSONOBJECT (one request per event). */
export const OBJECT_CONCURRENCY = 8;

/** Secret strings to redact: each secret, the credential of `Bearer <token>` and the key of `whsec_<key>`. */
function secretsOf(config: WebhookConfig): string[] {
  const out = collectSecrets(config);
  const auth = config.httpAuthorization?.reveal();
  const credential = auth?.split(/\s+/).pop();
  if (credential && credential !== auth && credential.length >= 8) out.push(credential);
  const signing = config.httpSigningSecret?.reveal();
  if (signing?.startsWith('whsec_')) out.push(signing.slice('whsec_'.length));
  return out;
}

export function createWebhook(ctx: ConnectorContext, config: WebhookConfig): Connector {
  const url = config.httpEndpoint;
  try {
    ctx.egress.checkUrl(url);
  } catch (err) {
    throw new ConfigError('The webhook endpoint is not allowed by the egress policy.', [{ path: 'httpEndpoint', message: (err as Error).message }]);
  }
  const secrets = secretsOf(config);
  const signingKey = config.httpSigningSecret ? parseSigningKey(config.httpSigningSecret.reveal()) : undefined;
  const basePost = postHeaders(config);
  const baseHead = identityHeaders(config);
  const transport = createTransport({ url, timeoutMs: config.httpTimeoutMs, egress: ctx.egress });
  const logger = ctx.logger;
  const inflight = createInflight();


  /** Headers and uncompressed body of one planned request, signed when a key is set. */
  const build = (plan: PlannedRequest): { headers: Headers; body: Buffer } => {
    let signing;
    if (signingKey) {
      const id = webhookId(plan.logIds);
      const timestamp = Math.floor(ctx.clock.now() / 1000);
      signing = { id, timestamp, signature: signPayload(signingKey, id, timestamp, plan.body) };
    }
    return { headers: requestHeaders(basePost, plan.indices.length, signing), body: plan.body };
  };

  const deliver = async (plan: PlannedRequest, signal: AbortSignal): Promise<DeliveryResult> => {
    const started = Date.now();
    try {
      const { headers, body } = build(plan);
      const wire = await compressBody(body, config.httpCompression);
      const answer = await transport.request({ method: 'POST', headers, body: wire, signal });
      logger.debug({ status: answer.status, events: plan.indices.length, bytes: wire.length, ms: Date.now() - started }, 'Webhook request answered.');
      return answerResult(answer, secrets, ctx.clock.now());
    } catch (err) {
      return errorResult(err, secrets);
    }
  };

  return {
    async send(batch: LogBatch, signal: AbortSignal): Promise<DeliveryResult> {
      if (inflight.closed) return closedResult();
      if (batch.length === 0) return { status: 'success' };
      const plans = planRequests(batch, config.httpContentFormat);
      if (plans.length === 1) return inflight.track(deliver(plans[0] as PlannedRequest, signal));
      return inflight.track(mapBounded(plans, OBJECT_CONCURRENCY, (plan) => deliver(plan, signal)).then(combineResults));
    },

    async healthcheck(signal: AbortSignal) {
      if (inflight.closed) return { ok: false, error: closedError() };
      try {
        const answer = await inflight.track(transport.request({ method: 'HEAD', headers: baseHead, signal }));
        return healthFromAnswer(answer, secrets, ctx.clock.now());
      } catch (err) {
        return healthFromError(err, secrets);
      }
    },

    preview(batch: LogBatch): PayloadPreview {
      return {
        requests: planRequests(batch, config.httpContentFormat).map((plan) => {
          const { headers, body } = build(plan);
          return { method: 'POST', url, headers: maskHeaders(headers), body: body.toString('utf8') };
        }),
      };
    },

    close(): Promise<void> {
      return inflight.close(() => transport.close());
    },
  };
}
