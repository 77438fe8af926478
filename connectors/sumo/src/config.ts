// Configuration of the Sumo Logic connector: Auth0's `sumoSourceAddress` (or an auth-header URL and token) plus Outflow extras.
import { destination, headerValue, secret, secretHeaderValue } from '@outflow/core';
import { z } from 'zod';
import { sourceAddressProblem } from './source-url.js';

/** A Sumo field name: letters, digits, `_`, `-` and `.` (e.g. `env`, or `_parser` for Cloud SIEM). */
const FIELD_KEY = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
/** A field value: sendable in a header, and without the `,` and `=` that separate the pairs of X-Sumo-Fields. */
const FIELD_VALUE = /^[^,=]{1,1024}$/;

/** A metadata header value: sendable (no CR, LF, NUL, non-Latin-1), not blank. */
const metadata = (max: number) =>
  headerValue()
    .max(max)
    .refine((v) => v.trim() !== '', 'must not be empty');

const fields = z
  .record(z.string(), headerValue().regex(FIELD_VALUE, 'must be 1-1024 characters without `,` or `=` (they separate the X-Sumo-Fields pairs)'))
  .superRefine((f, ctx) => {
    const keys = Object.keys(f);
    if (keys.length > 50) ctx.addIssue({ code: 'custom', message: 'must have at most 50 fields' });
    for (const key of keys.filter((k) => !FIELD_KEY.test(k)))
      ctx.addIssue({ code: 'custom', path: [key], message: 'must be a field name: letters, digits, `_`, `-` or `.`, 1-128 characters' });
  })
  .default({});

const schema = z
  .strictObject({
    sumoSourceAddress: destination(
      secret(
        'HTTP Source Address: the source URL Sumo shows for an HTTP Logs & Metrics source, e.g. `https://endpoint4.collection.sumologic.com/receiver/v1/http/ZaVnC4dhaV3…`. Secret: the URL is the credential. Set this, or sumoEndpoint with sumoToken.',
      ).optional(),
    ),
    sumoEndpoint: destination(z.url({ protocol: /^https?$/, error: 'must be an absolute https:// URL' }).optional()).describe(
      'Outflow extra. Auth header mode: the source URL without its code, e.g. `https://endpoint4.collection.sumologic.com/receiver/v1/http`, used with sumoToken. Not secret.',
    ),
    sumoToken: secretHeaderValue(
      'Outflow extra. Auth header mode: the token Sumo shows with **Auth Header** (sent as `x-sumo-token`). Secret. Requires sumoEndpoint.',
    ).optional(),
    sumoCategory: metadata(1024)
      .optional()
      .describe('Outflow extra. `X-Sumo-Category`: overrides the source category, e.g. `prod/auth0`. Default: the source’s own.'),
    sumoName: metadata(1024).optional().describe('Outflow extra. `X-Sumo-Name`: overrides the source name, e.g. `auth0-logs`. Default: the source’s own.'),
    sumoHost: metadata(1024)
      .optional()
      .describe('Outflow extra. `X-Sumo-Host`: overrides the source host, e.g. `acme.eu.auth0.com`. Default: the source’s own.'),
    sumoFields: fields.describe(
      'Outflow extra. `X-Sumo-Fields`: metadata fields as key/value pairs, e.g. `{ "env": "prod", "team": "identity" }`. Default: none.',
    ),
    sumoConcurrency: z
      .int()
      .min(1)
      .max(8)
      .default(1)
      .describe(
        'Outflow extra. Requests in flight at once to this source, across every stream of the runner that sends to it. Sumo recommends one sender per source. Default: 1.',
      ),
  })
  .superRefine((config, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const address = config.sumoSourceAddress !== undefined;
    const header = config.sumoEndpoint !== undefined || config.sumoToken !== undefined;
    if (address && header) issue('sumoSourceAddress', 'cannot be combined with sumoEndpoint/sumoToken: set the source address, or the endpoint with its token');
    else if (!address && !header) issue('sumoSourceAddress', 'is required unless sumoEndpoint and sumoToken are set');
    else if (!address && config.sumoEndpoint === undefined) issue('sumoEndpoint', 'is required with sumoToken');
    else if (!address && config.sumoToken === undefined) issue('sumoToken', 'is required with sumoEndpoint');
    const problem = config.sumoSourceAddress ? sourceAddressProblem(config.sumoSourceAddress.reveal()) : undefined;
    if (problem) issue('sumoSourceAddress', problem);
    if (config.sumoEndpoint !== undefined && URL.canParse(config.sumoEndpoint)) {
      const url = new URL(config.sumoEndpoint);
      if (url.username || url.password) issue('sumoEndpoint', 'must not contain credentials');
      if (url.search || url.hash) issue('sumoEndpoint', 'must not have a query or fragment');
    }
  })
  .describe('Sumo Logic (Auth0 stream type `sumo`): sends Auth0 log envelopes as gzip JSON lines to an HTTP Logs & Metrics source.');

export const sumoConfigSchema = schema;
