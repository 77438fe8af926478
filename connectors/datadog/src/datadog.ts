// The Datadog connector instance: one submitLog per send, healthcheck by /api/v1/validate, previews, close.
import {
  createInflight, collectSecrets, ConfigError, REDACTED, type Connector, type ConnectorContext, type DeliveryResult, type HealthResult, type LogBatch, type PayloadPreview,
} from '@outflow/core';
import { itemDefaults, toLogItems, wireBody } from './encoder.js';
import { createAgents } from './http-library.js';
import { answerResult, closedError, closedResult, errorResult, healthFromAnswer, healthFromError } from './outcome.js';
import { datadogBaseUrls } from './regions.js';
import { loadSdk, openCall, untilAborted, type DatadogCall } from './sdk.js';
import type { DatadogConfig } from './types.js';
import { USER_AGENT } from './version.js';

export const INTAKE_PATH = '/api/v2/logs';
export const VALIDATE_PATH = '/api/v1/validate';

export function createDatadog(ctx: ConnectorContext, config: DatadogConfig): Connector {
  const urls = datadogBaseUrls(config.datadogRegion, config.datadogEndpoint);
  try {
    ctx.egress.checkUrl(urls.intake);
    ctx.egress.checkUrl(urls.api);
  } catch (err) {
    const path = config.datadogEndpoint ? 'datadogEndpoint' : 'datadogRegion';
    throw new ConfigError('The Datadog endpoint is not allowed by the egress policy.', [{ path, message: (err as Error).message }]);
  }
  const secrets = collectSecrets(config);
  const apiKey = config.datadogApiKey.reveal();
  const defaults = itemDefaults(config);
  const contentEncoding = config.datadogCompression === 'gzip' ? ('gzip' as const) : undefined;
  const agents = createAgents(ctx.egress);
  const logger = ctx.logger;
  const inflight = createInflight();
  // Start loading the SDK now so that the first send does not wait for it; failures surface on use.
  loadSdk().catch(() => {});


  const call = async (baseUrl: string, signal: AbortSignal): Promise<DatadogCall> =>
    openCall(await untilAborted(loadSdk(), signal), { baseUrl, apiKey, agents, signal });

  const deliver = async (batch: LogBatch, signal: AbortSignal): Promise<DeliveryResult> => {
    const started = Date.now();
    let current: DatadogCall | undefined;
    try {
      current = await call(urls.intake, signal);
      await current.logs.submitLog({ body: toLogItems(batch, defaults), contentEncoding });
      logger.debug({ status: current.answer()?.status, events: batch.length, ms: Date.now() - started }, 'Datadog accepted the logs.');
      return { status: 'success' };
    } catch (err) {
      // The SDK throws ApiException for non-2xx answers (and may fail to parse odd 2xx bodies): the status decides.
      const answer = current?.answer();
      if (answer) {
        logger.debug({ status: answer.status, events: batch.length, ms: Date.now() - started }, 'Datadog answered the intake request.');
        return answerResult(answer, secrets, ctx.clock.now());
      }
      return errorResult(err, secrets);
    }
  };

  const validate = async (signal: AbortSignal): Promise<HealthResult> => {
    let current: DatadogCall | undefined;
    try {
      current = await call(urls.api, signal);
      await current.auth.validate();
      return { ok: true, message: 'Datadog accepted the API key (GET /api/v1/validate).' };
    } catch (err) {
      const answer = current?.answer();
      return answer ? healthFromAnswer(answer, secrets, ctx.clock.now()) : healthFromError(err, secrets);
    }
  };

  return {
    async send(batch: LogBatch, signal: AbortSignal): Promise<DeliveryResult> {
      if (inflight.closed) return closedResult();
      if (batch.length === 0) return { status: 'success' };
      return inflight.track(deliver(batch, signal));
    },

    async healthcheck(signal: AbortSignal): Promise<HealthResult> {
      if (inflight.closed) return { ok: false, error: closedError() };
      return inflight.track(validate(signal));
    },

    preview(batch: LogBatch): PayloadPreview {
      if (batch.length === 0) return { requests: [] };
      const headers: Record<string, string> = {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        ...(contentEncoding ? { 'Content-Encoding': contentEncoding } : {}),
        'DD-API-KEY': REDACTED,
        'User-Agent': `${USER_AGENT} datadog-api-client-typescript`,
      };
      return { requests: [{ method: 'POST', url: `${urls.intake}${INTAKE_PATH}`, headers, body: wireBody(toLogItems(batch, defaults)) }] };
    },

    close(): Promise<void> {
      return inflight.close(() => agents.destroy());
    },
  };
}
