// Configuration of the Datadog connector: Auth0's sink fields plus Outflow extras.
import { destination, secretHeaderValue } from '@outflow/core';
import { z } from 'zod';
import { DATADOG_REGIONS } from './regions.js';

/** A printable value without control characters. */
const PRINTABLE = /^[^\x00-\x1f\x7f]+$/;
/** One Datadog tag: `key:value` or `value`, no commas or whitespace (tags are joined with commas). */
const TAG = /^[^\s,]+$/;

/** zod runs refinements even after `.url()` failed, so they must not throw. */
const parseUrl = (u: string): URL | undefined => (URL.canParse(u) ? new URL(u) : undefined);

const label = () => z.string().min(1, 'must not be empty').max(200).regex(PRINTABLE, 'must not contain control characters');

export const datadogConfigSchema = z
  .strictObject({
    datadogApiKey: secretHeaderValue('Datadog API key (Organization Settings → API Keys), sent as the DD-API-KEY header. Secret.'),
    datadogRegion: destination(z.enum(DATADOG_REGIONS).default('us')).describe(
      'Datadog site: us (datadoghq.com), eu (datadoghq.eu), us3, us5, ap1, ap2, uk1 or gov (ddog-gov.com). Default: us.',
    ),
    datadogService: label().default('auth0').describe('Outflow extra. The `service` of every log. Default: `auth0`.'),
    datadogSource: label().default('auth0').describe('Outflow extra. The `ddsource` of every log, which selects the Datadog log pipeline. Default: `auth0`.'),
    datadogTags: z
      .array(z.string().min(1).max(200).regex(TAG, 'must be a tag like `env:prod`, without commas or spaces'))
      .max(100)
      .default([])
      .describe('Outflow extra. Tags added to every log (`ddtags`), e.g. `["env:prod", "team:identity"]`.'),
    datadogHostname: z
      .string()
      .min(1)
      .max(255)
      .regex(/^[^\s\x00-\x1f\x7f]+$/, 'must not contain spaces or control characters')
      .optional()
      .describe("Outflow extra. The `hostname` of every log. Default: the event's own `hostname` (the tenant or custom domain)."),
    datadogCompression: z
      .enum(['gzip', 'none'])
      .default('gzip')
      .describe('Outflow extra. `gzip` compresses each request (`Content-Encoding: gzip`). Default: gzip.'),
    datadogEndpoint: destination(
      z
        .url({ protocol: /^https?$/, error: 'must be an absolute https:// URL' })
        .refine((u) => !parseUrl(u)?.username && !parseUrl(u)?.password, 'must not contain credentials')
        .refine((u) => !parseUrl(u)?.search && !parseUrl(u)?.hash, 'must not have a query or fragment')
        .optional(),
    ).describe(
      'Advanced. Replaces the intake and API base URL (for a proxy, or a fake in tests), e.g. `https://dd-proxy.internal:3834`. `/api/v2/logs` and `/api/v1/validate` are appended.',
    ),
  })
  .describe('Datadog (Auth0 stream type `datadog`): sends Auth0 log envelopes to the Datadog Logs intake API v2.');
