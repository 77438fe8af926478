// The MDR ONE connector: the Custom Webhook with the vendor's endpoint, Bearer token and body layout.
import { defineWebhookPreset, presetAuthorization } from '@outflow/connector-http';
import { mdrOneConfigSchema } from './config.js';

export const mdrOneConnector = defineWebhookPreset({
  type: 'mdr-one',
  displayName: 'MDR ONE',
  description: 'Sends Auth0 log events to the webhook intake MDR ONE issues for a tenant.',
  configSchema: mdrOneConfigSchema,
  endpointField: 'mdrOneEndpoint',
  toWebhook: (config) => ({
    httpEndpoint: config.mdrOneEndpoint,
    httpContentFormat: config.mdrOneContentFormat,
    httpContentType: 'application/json',
    httpAuthorization: presetAuthorization(config.mdrOneToken),
    httpCompression: config.mdrOneCompression,
  }),
});
