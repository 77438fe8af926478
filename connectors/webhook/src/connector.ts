// The http (Custom Webhook) connector definition: schema, limits and factory.
import { defineConnector } from '@outflow/core';
import { webhookConfigSchema } from './config.js';
import { createWebhook } from './webhook.js';

const MiB = 1024 * 1024;

export const webhookConnector = defineConnector({
  type: 'http',
  displayName: 'Custom Webhook',
  description: 'POSTs Auth0 log envelopes to an HTTPS endpoint as JSON lines, a JSON array or one JSON object per request.',
  configSchema: webhookConfigSchema,
  limits: { maxEvents: 1000, maxBytes: 4 * MiB, maxEventBytes: 1 * MiB },
  create: createWebhook,
});
