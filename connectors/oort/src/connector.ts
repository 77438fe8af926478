// The Oort (Cisco Duo Identity Threat Detection) connector: the Custom Webhook with the vendor's endpoint, Bearer token and body layout.
import { defineWebhookPreset, presetAuthorization } from '@outflow/connector-http';
import { oortConfigSchema } from './config.js';

export const oortConnector = defineWebhookPreset({
  type: 'oort',
  displayName: 'Oort (Cisco Duo Identity Threat Detection)',
  description: 'Sends Auth0 log events to the log streaming intake Oort (Cisco Duo Identity Threat Detection) issues for a tenant.',
  configSchema: oortConfigSchema,
  endpointField: 'oortEndpoint',
  toWebhook: (config) => ({
    httpEndpoint: config.oortEndpoint,
    httpContentFormat: config.oortContentFormat,
    httpContentType: 'application/json',
    httpAuthorization: presetAuthorization(config.oortToken),
    httpCompression: config.oortCompression,
  }),
});
