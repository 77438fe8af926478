// The slack connector: one Block Kit digest per batch over @outflow/http, in Web API (bot) or incoming webhook mode.
import { defineConnector, type LogBatch } from '@outflow/core';
import { defineHttpConnector } from '@outflow/http';
import { buildMessage, MAX_EVENTS_PER_MESSAGE } from './blocks.js';
import { apiUrlOf, botHealth, classifyBot, encodeBot, probeBot } from './bot.js';
import { slackConfigSchema } from './config.js';
import { classifyWebhook, encodeWebhook, probeWebhook, webhookHealth, webhookSecrets } from './webhook.js';

const MiB = 1024 * 1024;

const base = {
  type: 'slack',
  displayName: 'Slack',
  description:
    'Posts one readable Block Kit message per batch (up to 20 events: type, description, user, client, IP, time) with chat.postMessage or an incoming webhook.',
  configSchema: slackConfigSchema,
  // Only a few fields of each event are shown (truncated), so event size does not bound the message.
  limits: { maxEvents: MAX_EVENTS_PER_MESSAGE, maxBytes: 8 * MiB, maxEventBytes: 1 * MiB },
};
const message = (batch: LogBatch) => buildMessage(batch.envelopes());

const botMode = defineHttpConnector({
  ...base,
  endpoints: (config) => ({ slackApiUrl: apiUrlOf(config) }),
  encode: (batch, config) => encodeBot(message(batch), config),
  classify: classifyBot,
  probe: probeBot,
  health: botHealth,
});

const webhookMode = defineHttpConnector({
  ...base,
  endpoints: (config) => ({ slackWebhookUrl: config.slackWebhookUrl?.reveal() }),
  encode: (batch, config) => encodeWebhook(message(batch), config),
  classify: classifyWebhook,
  probe: probeWebhook,
  health: webhookHealth,
  secrets: webhookSecrets,
});

/** The config picks the mode (exactly one of slackBotToken and slackWebhookUrl is set). */
export const slackConnector = defineConnector({
  ...base,
  create: (ctx, config) => (config.slackWebhookUrl ? webhookMode : botMode).create(ctx, config),
});
