// @outflow/connector-http: the Custom Webhook connector (Auth0 stream type `http`).
export { webhookConnector } from './connector.js';
export { webhookConfigSchema } from './config.js';
export { parseSigningKey, signPayload, webhookId } from './signing.js';
export type { WebhookConfig, WebhookConfigInput } from './types.js';
