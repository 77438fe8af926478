// The slack connector definition: schema, limits and factory.
import { defineConnector } from '@outflow/core';
import { MAX_EVENTS_PER_MESSAGE } from './blocks.js';
import { slackConfigSchema } from './config.js';
import { createSlack } from './slack.js';

const MiB = 1024 * 1024;

export const slackConnector = defineConnector({
  type: 'slack',
  displayName: 'Slack',
  description: 'Posts one readable Block Kit message per batch (up to 20 events: type, description, user, client, IP, time) with chat.postMessage or an incoming webhook.',
  configSchema: slackConfigSchema,
  // Only a few fields of each event are shown (truncated), so event size does not bound the message.
  limits: { maxEvents: MAX_EVENTS_PER_MESSAGE, maxBytes: 8 * MiB, maxEventBytes: 1 * MiB },
  create: createSlack,
});
