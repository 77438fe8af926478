// Configuration of the Perch Security (ConnectWise SIEM) connector: the intake URL, the token, and the body layout.
import { presetContentFormat, presetEndpoint, presetToken } from '@outflow/connector-http';
import { z } from 'zod';

export const perchConfigSchema = z
  .strictObject({
    perchEndpoint: presetEndpoint('The intake URL Perch (ConnectWise SIEM) issues for your Auth0 tenant.'),
    perchToken: presetToken('The token Perch issues with that URL, sent as `Authorization: Bearer <token>`. Secret.'),
    perchContentFormat: presetContentFormat(
      'JSONLINES',
      'Body layout the intake takes: JSONLINES (one event per line) or JSONARRAY (a JSON array per request). Default: JSONLINES.',
    ),
    perchCompression: z
      .enum(['none', 'gzip'])
      .default('none')
      .describe('`gzip` compresses each request (`Content-Encoding: gzip`) where the intake takes it. Default: none.'),
  })
  .describe('Sends Auth0 log events to the webhook intake Perch Security (now ConnectWise SIEM) issues for a tenant.');
