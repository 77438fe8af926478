// The template connector: definition (schema, limits) and the instance that sends each batch once.
import {
  createInflight, classifyHttpStatus, classifyNetworkError, ConfigError, defineConnector, DeliveryError, REDACTED,
  type Connector, type ConnectorContext, type DeliveryResult, type HealthResult, type HttpAnswer, type LogBatch, type PayloadPreview,
} from '@outflow/core';
import { templateConfigSchema, type TemplateConfig } from './config.js';
import { CONTENT_TYPE, encodeBatch } from './encoder.js';
import { createTransport } from './transport.js';

const MiB = 1024 * 1024;
const API_KEY_HEADER = 'X-Api-Key';
const closedError = () => new DeliveryError('config', 'The connector is closed.');

/** classifyHttpStatus, except that a redirect means the endpoint needs fixing (not bad data). */
function classify(answer: HttpAnswer, secrets: readonly string[], now: number): DeliveryResult {
  if (answer.status >= 300 && answer.status < 400) {
    return { status: 'permanent', error: new DeliveryError('config', `The intake redirected (HTTP ${answer.status}); set endpoint to the final URL.`, { status: answer.status }) };
  }
  return classifyHttpStatus(answer, secrets, now);
}

export function createTemplate(ctx: ConnectorContext, config: TemplateConfig): Connector {
  try {
    ctx.egress.checkUrl(config.endpoint);
  } catch (err) {
    throw new ConfigError('The endpoint is not allowed by the egress policy.', [{ path: 'endpoint', message: (err as Error).message }]);
  }
  const apiKey = config.apiKey.reveal();
  const secrets = [apiKey];
  const transport = createTransport({ timeoutMs: config.timeoutMs, egress: ctx.egress, secrets });
  const headers = (key: string): Record<string, string> => ({ 'Content-Type': CONTENT_TYPE, 'User-Agent': 'outflow-connector', [API_KEY_HEADER]: key });
  const inflight = createInflight();


  const deliver = async (batch: LogBatch, signal: AbortSignal): Promise<DeliveryResult> => {
    const started = Date.now();
    try {
      const body = encodeBatch(batch);
      const answer = await transport.request({ method: 'POST', url: config.endpoint, headers: headers(apiKey), body, signal });
      ctx.logger.debug({ status: answer.status, events: batch.length, bytes: body.length, ms: Date.now() - started }, 'Intake request answered.');
      return classify(answer, secrets, ctx.clock.now());
    } catch (err) {
      return classifyNetworkError(err, secrets);
    }
  };

  return {
    async send(batch: LogBatch, signal: AbortSignal): Promise<DeliveryResult> {
      if (inflight.closed) return { status: 'permanent', error: closedError() };
      if (batch.length === 0) return { status: 'success' };
      return inflight.track(deliver(batch, signal));
    },

    async healthcheck(signal: AbortSignal): Promise<HealthResult> {
      if (inflight.closed) return { ok: false, error: closedError() };
      try {
        const answer = await inflight.track(transport.request({ method: 'HEAD', url: config.endpoint, headers: headers(apiKey), signal }));
        const { status } = answer;
        if ((status >= 200 && status < 300) || status === 404 || status === 405) return { ok: true, message: `The intake answered HEAD with HTTP ${status}.` };
        const result = classify(answer, secrets, ctx.clock.now());
        return result.status === 'retryable' || result.status === 'permanent' ? { ok: false, error: result.error } : { ok: true };
      } catch (err) {
        const result = classifyNetworkError(err, secrets);
        return { ok: false, error: result.status === 'success' || result.status === 'partial' ? new DeliveryError('transient', 'The healthcheck failed.') : result.error };
      }
    },

    preview(batch: LogBatch): PayloadPreview {
      if (batch.length === 0) return { requests: [] };
      return { requests: [{ method: 'POST', url: config.endpoint, headers: headers(REDACTED), body: encodeBatch(batch).toString('utf8') }] };
    },

    close(): Promise<void> {
      return inflight.close(() => transport.close());
    },
  };
}

export const templateConnector = defineConnector({
  type: 'template',
  displayName: 'Template',
  description: 'POSTs Auth0 log events as JSON lines to an HTTPS intake with an API key.',
  configSchema: templateConfigSchema,
  limits: { maxEvents: 500, maxBytes: 5 * MiB, maxEventBytes: 1 * MiB },
  create: createTemplate,
});
