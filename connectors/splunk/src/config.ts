// Configuration of the Splunk connector: Auth0's sink fields (domain, token, port, secure) plus Outflow extras.
import { destination, secretHeaderValue } from '@outflow/core';
import { withIgnoredFields } from '@outflow/http';
import { z } from 'zod';
import { domainProblem } from './endpoint.js';

const PRINTABLE = /^[^\x00-\x1f\x7f"\\]+$/;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

const metadata = () => z.string().min(1, 'must not be empty').max(256).regex(PRINTABLE, 'must not contain quotes, backslashes or control characters');

const schema = z
  .strictObject({
    splunkDomain: destination(
      z
        .string()
        .trim()
        .min(1, 'must not be empty')
        .max(2048)
        .superRefine((value, ctx) => {
          const problem = domainProblem(value);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }),
    ).describe(
      'Splunk URL endpoint: the HEC host name, e.g. `splunk.example.com` or `http-inputs-acme.splunkcloud.com`. A full URL (`https://hec.example.com:8443/prefix`) is also accepted, for proxies and tests.',
    ),
    splunkToken: secretHeaderValue('HTTP Event Collector token, sent as `Authorization: Splunk <token>`. Secret.'),
    splunkPort: destination(
      z
        .union([z.string().regex(/^[0-9]*$/, 'must be digits only'), z.number().int()])
        .transform((v) => (v === '' ? undefined : String(Number(v))))
        .refine((v) => v === undefined || (Number(v) >= 1 && Number(v) <= 65535), 'must be a port between 1 and 65535')
        .optional(),
    ).describe('HEC port (a string of digits, as in Auth0). Default: 8088 for a host name; a URL in splunkDomain keeps its own port.'),
    splunkSecure: z.boolean().default(true).describe('Verify the TLS certificate. Turn off only for a self-signed HEC certificate. Default: true.'),
    splunkScheme: destination(z.enum(['https', 'http']).default('https')).describe(
      'Outflow extra. Scheme used with a host name in splunkDomain. `http` needs egress.allowHttp on the runner. Default: https.',
    ),
    splunkSourcetype: metadata().default('auth0').describe('Outflow extra. The `sourcetype` of every event. Default: `auth0`.'),
    splunkSource: metadata().default('auth0').describe('Outflow extra. The `source` of every event. Default: `auth0`.'),
    splunkIndex: z
      .string()
      .regex(/^[a-z0-9_][a-z0-9_-]*$/, 'must be a Splunk index name (lowercase letters, digits, _ and -)')
      .max(80)
      .optional()
      .describe("Outflow extra. The index to write to; the token's default index when omitted. The token must be allowed to write to it."),
    splunkCompression: z
      .enum(['gzip', 'none'])
      .default('none')
      .describe('Outflow extra. `gzip` compresses each request (`Content-Encoding: gzip`, accepted by HEC; deflate is not). Default: none.'),
    splunkAck: z
      .boolean()
      .default(false)
      .describe(
        'Outflow extra. Indexer acknowledgement: a batch counts as delivered only once Splunk reports it indexed. The token must have indexer acknowledgement enabled. Default: false.',
      ),
    splunkChannel: z
      .string()
      .regex(GUID, 'must be a GUID, e.g. `0aeeac95-ac74-4aa9-b30d-6c4c0ac581ba`')
      .optional()
      .describe('Outflow extra. HEC channel (`X-Splunk-Request-Channel`). Default: a random GUID per connector when splunkAck is on, none otherwise.'),
  })
  .describe('Splunk (Auth0 stream type `splunk`): sends Auth0 log envelopes to the HTTP Event Collector.');

/** The schema; `splunkAckTimeoutMs` (removed: the attempt's deadline bounds the acknowledgement wait) is still accepted and dropped at parse. */
export const splunkConfigSchema = withIgnoredFields(schema, ['splunkAckTimeoutMs']);
