// Configuration of the Logz.io connector: shipping token (secret), region, log type, compression, endpoint override.
import { destination, secretOf } from '@outflow/core';
import { z } from 'zod';
import { LOGZIO_REGIONS } from './regions.js';

/** A shipping token goes in the query string as it is, so only URL-safe characters (Logz.io's are 32 letters). */
const TOKEN = /^[A-Za-z0-9_-]+$/;
/** Logz.io types "can't contain spaces"; kept URL-safe so the query needs no escaping. */
const TYPE = /^[A-Za-z0-9_.-]+$/;

/** zod runs refinements even after `.url()` failed, so they must not throw. */
const parseUrl = (u: string): URL | undefined => (URL.canParse(u) ? new URL(u) : undefined);

export const logzioConfigSchema = z
  .strictObject({
    logzioToken: secretOf(
      z.string().max(200).regex(TOKEN, 'must be a Logz.io shipping token (letters, digits, - and _ only)'),
      'Logz.io log shipping token of the account (Settings → Manage tokens → Data shipping tokens), sent as the `token` query parameter. Secret.',
    ),
    logzioRegion: destination(z.enum(LOGZIO_REGIONS).default('us')).describe(
      'Region code of the Logz.io account: us (listener.logz.io), eu, uk, au, ca, nl or wa (listener-<code>.logz.io). Default: us.',
    ),
    logzioType: z
      .string()
      .min(1, 'must not be empty')
      .max(100)
      .regex(TYPE, 'must be letters, digits, `.`, `_` or `-` (no spaces)')
      .default('auth0')
      .describe('The log `type` Logz.io files the events under (the `type` query parameter; it picks the parsing pipeline). Default: `auth0`.'),
    logzioCompression: z.enum(['gzip', 'none']).default('gzip').describe('`gzip` compresses each request (`Content-Encoding: gzip`). Default: gzip.'),
    logzioEndpoint: destination(
      z
        .url({ protocol: /^https?$/, error: 'must be an absolute https:// URL' })
        .refine((u) => !parseUrl(u)?.username && !parseUrl(u)?.password, 'must not contain credentials')
        .refine((u) => !parseUrl(u)?.search && !parseUrl(u)?.hash, 'must not have a query or fragment')
        .optional(),
    ).describe(
      'Advanced. Replaces the listener base URL (a proxy, or a fake in tests), e.g. `https://logzio-proxy.internal:8071`. `/?token=…&type=…` is appended.',
    ),
  })
  .describe('Logz.io: ships Auth0 log events to the Logz.io HTTPS bulk listener as gzip-compressed NDJSON.');
