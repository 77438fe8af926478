// @outflow/connector-slack: readable Slack digests of Auth0 log events (Web API bot or incoming webhook).
export { slackConnector } from './connector.js';
export { slackConfigSchema } from './config.js';
export { buildMessage, MAX_EVENTS_PER_MESSAGE } from './blocks.js';
export { slackCodeKind } from './codes.js';
export type { SlackBlock, SlackConfig, SlackConfigInput, SlackMessage, SlackText } from './types.js';
