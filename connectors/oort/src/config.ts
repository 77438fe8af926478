// Configuration of the Oort (Cisco Duo Identity Threat Detection) connector: the intake URL, the token, and the body layout.
import { presetContentFormat, presetEndpoint, presetToken } from '@outflow/connector-http';
import { z } from 'zod';

export const oortConfigSchema = z
  .strictObject({
    oortEndpoint: presetEndpoint('The log streaming URL Oort issues for your Auth0 integration (Oort → Integrations → Auth0 → log streaming).'),
    oortToken: presetToken('The token Oort issues with that URL, sent as `Authorization: Bearer <token>`. Secret.'),
    oortContentFormat: presetContentFormat(
      'JSONARRAY',
      'Body layout the intake takes: JSONLINES (one event per line) or JSONARRAY (a JSON array per request). Default: JSONARRAY.',
    ),
    oortCompression: z
      .enum(['none', 'gzip'])
      .default('none')
      .describe('`gzip` compresses each request (`Content-Encoding: gzip`) where the intake takes it. Default: none.'),
  })
  .describe('Sends Auth0 log events to the log streaming intake Oort (Cisco Duo Identity Threat Detection) issues for a tenant.');
