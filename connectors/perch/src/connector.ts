// The Perch Security (ConnectWise SIEM) connector: the Custom Webhook with the vendor's endpoint, Bearer token and body layout.
import { defineWebhookPreset, presetAuthorization } from '@outflow/connector-http';
import { perchConfigSchema } from './config.js';

export const perchConnector = defineWebhookPreset({
  type: 'perch',
  displayName: 'Perch Security (ConnectWise SIEM)',
  description: 'Sends Auth0 log events to the webhook intake Perch Security (now ConnectWise SIEM) issues for a tenant.',
  configSchema: perchConfigSchema,
  endpointField: 'perchEndpoint',
  toWebhook: (config) => ({
    httpEndpoint: config.perchEndpoint,
    httpContentFormat: config.perchContentFormat,
    httpContentType: 'application/json',
    httpAuthorization: presetAuthorization(config.perchToken),
    httpCompression: config.perchCompression,
  }),
});
