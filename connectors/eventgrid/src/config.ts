// Configuration of the eventgrid connector: where to POST and the API key (secret).
import { destination, secretHeaderValue } from '@outflow/core';
import { z } from 'zod';

export const eventgridConfigSchema = z
  .strictObject({
    endpoint: destination(z.url({ protocol: /^https?$/, error: 'must be an absolute https:// URL' })).describe(
      'Intake URL that receives the events, e.g. `https://intake.example.com/v1/logs`. Must be https:// unless the runner allows plain http (egress.allowHttp).',
    ),
    apiKey: secretHeaderValue('API key, sent as the `X-Api-Key` header. Secret.'),
  })
  .describe('Eventgrid: POSTs Auth0 log events as JSON lines to an HTTPS intake with an API key.');
