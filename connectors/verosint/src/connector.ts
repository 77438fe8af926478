// The Verosint connector: the Custom Webhook with the vendor's endpoint, Bearer token and body layout.
import { defineWebhookPreset, presetAuthorization } from '@outflow/connector-http';
import { verosintConfigSchema } from './config.js';

export const verosintConnector = defineWebhookPreset({
  type: 'verosint',
  displayName: 'Verosint',
  description: 'Sends Auth0 log events to Verosint SignalPrint (Log Ingestion) for account-fraud and identity-threat detection.',
  configSchema: verosintConfigSchema,
  endpointField: 'verosintEndpoint',
  // Verosint's detections link sign-ins to people by email and user name.
  needsUnmasked: {
    fields: ['email', 'username'],
    reason: 'Verosint links sign-ins to people by email and user name, so masking them breaks its detections.',
  },
  toWebhook: (config) => ({
    httpEndpoint: config.verosintEndpoint,
    httpContentFormat: 'JSONARRAY',
    httpContentType: 'application/json',
    httpAuthorization: presetAuthorization(config.verosintApiKey),
    httpCompression: config.verosintCompression,
  }),
});
