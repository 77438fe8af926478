// The Slack connector instance: one digest message per batch, one attempt per send, healthcheck, preview, close.
import {
  createInflight, collectSecrets, ConfigError, DeliveryError, type Connector, type ConnectorContext, type DeliveryResult, type LogBatch, type LogEnvelope, type PayloadPreview,
} from '@outflow/core';
import { buildMessage } from './blocks.js';
import { createBotSender } from './bot.js';
import { SLACK_API_URL } from './config.js';
import { closedError } from './outcome.js';
import type { SlackSender } from './sender.js';
import { createSlackHttp } from './transport.js';
import type { SlackConfig } from './types.js';
import { createWebhookSender } from './webhook.js';

/** Secret strings to redact: the token, the webhook URL and its path (the part that is the credential). */
function secretsOf(config: SlackConfig): string[] {
  const out = collectSecrets(config);
  const hook = config.slackWebhookUrl?.reveal();
  if (hook) {
    const { pathname } = new URL(hook);
    out.push(pathname);
    const last = pathname.split('/').filter(Boolean).pop();
    if (last && last.length >= 8) out.push(last);
  }
  return out;
}

function checkEgress(ctx: ConnectorContext, url: string, path: string): void {
  try {
    ctx.egress.checkUrl(url);
  } catch (err) {
    throw new ConfigError('The Slack address is not allowed by the egress policy.', [{ path, message: (err as Error).message }]);
  }
}

/** The batch's parsed envelopes, or undefined when a stored event is not valid JSON. */
function envelopesOf(batch: LogBatch): readonly LogEnvelope[] | undefined {
  try {
    return batch.envelopes();
  } catch {
    return undefined;
  }
}

export function createSlack(ctx: ConnectorContext, config: SlackConfig): Connector {
  const secrets = secretsOf(config);
  const http = createSlackHttp({ timeoutMs: config.slackTimeoutMs, egress: ctx.egress });
  let sender: SlackSender;
  if (config.slackWebhookUrl) {
    const url = config.slackWebhookUrl.reveal();
    checkEgress(ctx, url, 'slackWebhookUrl');
    sender = createWebhookSender({ http, url, secrets });
  } else {
    const base = config.slackApiUrl ?? SLACK_API_URL;
    const apiUrl = base.endsWith('/') ? base : `${base}/`;
    checkEgress(ctx, apiUrl, 'slackApiUrl');
    const token = config.slackBotToken?.reveal() ?? '';
    sender = createBotSender({ http, token, channel: config.slackChannel ?? '', apiUrl, secrets, logger: ctx.logger });
  }
  const mode = config.slackWebhookUrl ? 'webhook' : 'bot';
  const inflight = createInflight();


  return {
    async send(batch: LogBatch, signal: AbortSignal): Promise<DeliveryResult> {
      if (inflight.closed) return { status: 'permanent', error: closedError() };
      if (batch.length === 0) return { status: 'success' };
      const envelopes = envelopesOf(batch);
      if (!envelopes) return { status: 'permanent', error: new DeliveryError('invalid', 'A stored event is not valid JSON, so it cannot be shown in Slack.') };
      const started = Date.now();
      const result = await inflight.track(sender.post(buildMessage(envelopes), signal));
      ctx.logger.debug({ mode, events: batch.length, outcome: result.status, ms: Date.now() - started }, 'A Slack post finished.');
      return result;
    },

    async healthcheck(signal: AbortSignal) {
      if (inflight.closed) return { ok: false, error: closedError() };
      return inflight.track(sender.check(signal));
    },

    preview(batch: LogBatch): PayloadPreview {
      if (batch.length === 0) return { requests: [] };
      return { requests: [sender.preview(buildMessage(batch.envelopes()))] };
    },

    close(): Promise<void> {
      return inflight.close(() => http.close());
    },
  };
}
