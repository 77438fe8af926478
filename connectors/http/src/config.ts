// Configuration of the http (Custom Webhook) connector: Auth0's sink fields plus Outflow extras.
import { CONTENT_FORMATS, destination, headerName, headerValue, secret, secretHeaderValue } from '@outflow/core';
import { withIgnoredFields } from '@outflow/http';
import { z } from 'zod';
import { RESERVED_HEADERS } from './header-rules.js';
import { parseSigningKey } from './signing.js';

const customHeader = z
  .strictObject({
    header: headerName().max(256).describe('Header name, e.g. `X-Source`.'),
    value: headerValue().max(8192).describe('Header value, sent as is.'),
  })
  .describe('One extra request header.');

const schema = z
  .strictObject({
    httpEndpoint: destination(
      z
        .url({ protocol: /^https?$/, error: 'must be an absolute https:// URL' })
        .refine((u) => !URL.canParse(u) || (!new URL(u).username && !new URL(u).password), 'must not contain credentials; use httpAuthorization'),
    ).describe(
      'Payload URL that receives the POST requests, e.g. `https://logs.example.com/auth0`. Must be https:// unless the runner allows plain http (egress.allowHttp).',
    ),
    httpContentType: headerValue()
      .min(1)
      .max(256)
      .optional()
      .describe('Value of the Content-Type header. Default: `application/x-ndjson` for JSONLINES, `application/json` otherwise.'),
    httpContentFormat: z
      .enum(CONTENT_FORMATS)
      .default('JSONLINES')
      .describe(
        'Body layout: JSONLINES (one envelope per line, one request per batch), JSONARRAY (a JSON array per batch) or JSONOBJECT (one request per event). Default: JSONLINES.',
      ),
    httpEnvelope: z
      .enum(['auth0', 'cloudevents'])
      .default('auth0')
      .describe(
        'Outflow extra. `auth0`: each event as Auth0 sends it, `{log_id, data}`. `cloudevents`: each event as a CloudEvents 1.0 event (id = log_id, type `com.auth0.log.<code>`, source `urn:auth0:<tenant>`), in structured mode with JSONOBJECT or batch mode (`application/cloudevents-batch+json`) with JSONARRAY. Default: auth0.',
      ),
    httpAuthorization: secretHeaderValue('Sent verbatim as the Authorization header, e.g. `Bearer <token>` or `Basic <base64>`. Secret.').optional(),
    httpCustomHeaders: z
      .array(customHeader)
      .max(50)
      .default([])
      .describe(
        'Extra request headers as `{header, value}` pairs. Host, Content-Length, Content-Type, Content-Encoding, Authorization and the signing headers cannot be set here.',
      ),
    httpCompression: z
      .enum(['none', 'gzip'])
      .default('none')
      .describe('Outflow extra. `gzip` compresses each body and sends `Content-Encoding: gzip`. Default: none.'),
    httpSigningSecret: secret(
      'Outflow extra. Signs each request per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature headers). `whsec_<base64>` or a raw secret. Secret.',
    ).optional(),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.httpCustomHeaders.forEach(({ header }, i) => {
      const name = header.toLowerCase();
      const reserved = RESERVED_HEADERS.get(name);
      if (reserved) ctx.addIssue({ code: 'custom', path: ['httpCustomHeaders', i, 'header'], message: `${header} ${reserved}` });
      else if (seen.has(name)) ctx.addIssue({ code: 'custom', path: ['httpCustomHeaders', i, 'header'], message: `${header} is listed twice` });
      seen.add(name);
    });
    if (config.httpEnvelope === 'cloudevents' && config.httpContentFormat === 'JSONLINES') {
      const message = 'must be JSONOBJECT (CloudEvents structured mode) or JSONARRAY (batch mode) with httpEnvelope cloudevents';
      ctx.addIssue({ code: 'custom', path: ['httpContentFormat'], message });
    }
    if (config.httpSigningSecret) {
      try {
        parseSigningKey(config.httpSigningSecret.reveal());
      } catch (err) {
        ctx.addIssue({ code: 'custom', path: ['httpSigningSecret'], message: (err as Error).message });
      }
    }
  })
  .describe('Custom Webhook (Auth0 stream type `http`): POSTs `{log_id, data}` envelopes to an HTTPS endpoint.');

/** The schema; the removed `httpTimeoutMs` (the attempt's deadline bounds each request) is still accepted and dropped. */
export const httpConfigSchema = withIgnoredFields(schema, ['httpTimeoutMs']);
