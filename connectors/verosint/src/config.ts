// Configuration of the Verosint connector: the intake URL, the token, and the body layout.
import { presetContentFormat, presetEndpoint, presetToken } from '@outflow/connector-http';
import { z } from 'zod';

export const verosintConfigSchema = z
  .strictObject({
    verosintEndpoint: presetEndpoint(
      "Verosint's log ingestion URL. Default: `https://api.verosint.com/v1/signalprint/logs`. Change it only for a proxy (or a fake in tests).",
      'https://api.verosint.com/v1/signalprint/logs',
    ),
    verosintApiKey: presetToken('Verosint API key (Verosint → Settings → API Keys), sent as `Authorization: Bearer <key>`. Secret.'),
    verosintCompression: z
      .enum(['none', 'gzip'])
      .default('none')
      .describe('`gzip` compresses each request (`Content-Encoding: gzip`) where the intake takes it. Default: none.'),
  })
  .describe('Sends Auth0 log events to Verosint SignalPrint (Log Ingestion) for account-fraud and identity-threat detection.');
