// @outflow/connector-http: the Custom Webhook connector (Auth0 stream type `http`).
export { httpConnector } from './connector.js';
export { httpConfigSchema } from './config.js';
export { parseSigningKey, signPayload, webhookId } from './signing.js';
export type { HttpConfig, HttpConfigInput } from './types.js';
export { defineWebhookPreset, type WebhookPresetSpec } from './preset.js';
export { presetAuthorization, presetContentFormat, presetEndpoint, presetToken } from './preset-fields.js';
