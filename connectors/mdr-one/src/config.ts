// Configuration of the MDR ONE connector: the intake URL, the token, and the body layout.
import { presetContentFormat, presetEndpoint, presetToken } from '@outflow/connector-http';
import { z } from 'zod';

export const mdrOneConfigSchema = z
  .strictObject({
    mdrOneEndpoint: presetEndpoint('The intake URL MDR ONE issues for your Auth0 tenant.'),
    mdrOneToken: presetToken('The token MDR ONE issues with that URL, sent as `Authorization: Bearer <token>`. Secret.'),
    mdrOneContentFormat: presetContentFormat(
      'JSONLINES',
      'Body layout the intake takes: JSONLINES (one event per line) or JSONARRAY (a JSON array per request). Default: JSONLINES.',
    ),
    mdrOneCompression: z
      .enum(['none', 'gzip'])
      .default('none')
      .describe('`gzip` compresses each request (`Content-Encoding: gzip`) where the intake takes it. Default: none.'),
  })
  .describe('Sends Auth0 log events to the webhook intake MDR ONE issues for a tenant.');
