// The Splunk connector instance: one /event POST per send (plus ack polling), healthcheck, previews, close.
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import {
  createInflight, collectSecrets, ConfigError, type Connector, type ConnectorContext, type DeliveryResult, type HealthResult, type LogBatch, type PayloadPreview,
} from '@outflow/core';
import { awaitAck } from './ack.js';
import { hecBody, hecMetadata } from './encoder.js';
import { hecBaseUrl } from './endpoint.js';
import { baseHeaders, eventHeaders, maskHeaders } from './headers.js';
import { closedError, closedResult, errorResult, healthFrom, healthFromError, hecResult, parseReply } from './outcome.js';
import { createTransport } from './transport.js';
import type { SplunkConfig } from './types.js';

const gzip = promisify(gzipCallback);

export const EVENT_PATH = '/services/collector/event';
export const HEALTH_PATH = '/services/collector/health';

export function createSplunk(ctx: ConnectorContext, config: SplunkConfig): Connector {
  const baseUrl = hecBaseUrl(config);
  try {
    ctx.egress.checkUrl(baseUrl);
  } catch (err) {
    throw new ConfigError('The Splunk HEC endpoint is not allowed by the egress policy.', [{ path: 'splunkDomain', message: (err as Error).message }]);
  }
  const secrets = collectSecrets(config);
  const channel = config.splunkChannel ?? (config.splunkAck ? randomUUID() : undefined);
  const base = baseHeaders(config, channel);
  const postHeaders = eventHeaders(config, base);
  const meta = hecMetadata(config);
  const transport = createTransport({ baseUrl, egress: ctx.egress, verifyTls: config.splunkSecure });
  const logger = ctx.logger;
  const inflight = createInflight();
  let warnedNoAckId = false;


  /** After a 2xx: done, unless acknowledgement is on, in which case wait for the ackId to be indexed. */
  const confirm = async (ackId: unknown, signal: AbortSignal): Promise<DeliveryResult> => {
    if (!config.splunkAck || !channel) return { status: 'success' };
    if (typeof ackId !== 'number') {
      if (!warnedNoAckId) logger.warn({ channel }, 'Splunk answered without an ackId; indexer acknowledgement is probably off for this token, so batches count as delivered on HTTP 200.');
      warnedNoAckId = true;
      return { status: 'success' };
    }
    return awaitAck({ transport, headers: base, channel, ackId, timeoutMs: config.splunkAckTimeoutMs, signal, secrets });
  };

  const deliver = async (batch: LogBatch, signal: AbortSignal): Promise<DeliveryResult> => {
    const started = Date.now();
    try {
      const body = hecBody(batch, meta);
      const wire = config.splunkCompression === 'gzip' ? await gzip(body) : body;
      const answer = await transport.request({ method: 'POST', path: EVENT_PATH, headers: postHeaders, body: wire, signal });
      logger.debug({ status: answer.status, events: batch.length, bytes: wire.length, ms: Date.now() - started }, 'Splunk HEC answered the events.');
      if (answer.status < 200 || answer.status >= 300) return hecResult(answer, secrets, ctx.clock.now());
      const result = await confirm(parseReply(answer.body).ackId, signal);
      if (config.splunkAck) logger.debug({ status: result.status, events: batch.length, ms: Date.now() - started }, 'Splunk indexer acknowledgement finished.');
      return result;
    } catch (err) {
      return errorResult(err, secrets);
    }
  };

  /** GET /health, then an empty /event POST: HEC answers "No data" (400, code 5) when the token is good, and writes nothing. */
  const check = async (signal: AbortSignal): Promise<HealthResult> => {
    try {
      const health = await transport.request({ method: 'GET', path: HEALTH_PATH, headers: base, signal });
      const reachable = healthFrom(health, secrets, ctx.clock.now(), 'HEC is healthy.');
      if (!reachable.ok) return reachable;
      const probe = await transport.request({ method: 'POST', path: EVENT_PATH, headers: { ...base, 'Content-Type': 'application/json' }, body: Buffer.alloc(0), signal });
      return healthFrom(probe, secrets, ctx.clock.now(), 'HEC is healthy and accepts the token.');
    } catch (err) {
      return healthFromError(err, secrets);
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
      return inflight.track(check(signal));
    },

    preview(batch: LogBatch): PayloadPreview {
      if (batch.length === 0) return { requests: [] };
      const body = hecBody(batch, meta).toString('utf8');
      return { requests: [{ method: 'POST', url: `${baseUrl}${EVENT_PATH}`, headers: maskHeaders(postHeaders), body }] };
    },

    close(): Promise<void> {
      return inflight.close(() => transport.close());
    },
  };
}
