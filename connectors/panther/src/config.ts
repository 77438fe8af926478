// Configuration of the Panther connector: the HTTP log source URL, its authentication mode and the body options.
import { destination, headerName, headerValue, headerValueProblem, secret, secretHeaderValue } from '@outflow/core';
import { z } from 'zod';

/** Header names the connector or the HTTP client sets, which the auth header may not replace. */
const RESERVED_HEADERS = new Set([
  'host',
  'content-length',
  'content-type',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'user-agent',
  'te',
  'expect',
]);

/** zod runs refinements even after `.url()` failed, so they must not throw. */
const parseUrl = (u: string): URL | undefined => (URL.canParse(u) ? new URL(u) : undefined);

export const AUTH_METHODS = ['bearer', 'sharedSecret', 'hmac'] as const;

const schema = z.strictObject({
  pantherUrl: destination(
    z
      .url({ protocol: /^https?$/, error: 'must be an absolute https:// URL' })
      .max(2048)
      .refine((u) => !parseUrl(u)?.username && !parseUrl(u)?.password, 'must not contain credentials')
      .refine((u) => !parseUrl(u)?.hash, 'must not have a fragment'),
  ).describe(
    'URL of the Panther HTTP log source, shown in Panther under Configure → Log Sources → the source, e.g. `https://logs.acme.runpanther.net/http/5f9c…`. Must be https:// unless the runner allows plain http (egress.allowHttp).',
  ),
  pantherAuthMethod: z
    .enum(AUTH_METHODS)
    .describe(
      "The source's authentication, as chosen in Panther: `bearer` (Authorization: Bearer <token>; what Panther's Auth0 source uses), `sharedSecret` (a header of your choice carrying the secret) or `hmac` (that header carrying an HMAC of the body).",
    ),
  pantherBearerToken: secretHeaderValue('Bearer token of the source (pantherAuthMethod `bearer`), sent as `Authorization: Bearer <token>`. Secret.').optional(),
  pantherHeaderName: headerName()
    .min(1)
    .max(256)
    .optional()
    .describe('Header name configured on the source (pantherAuthMethod `sharedSecret` or `hmac`), e.g. `x-panther-secret` or `X-Signature`.'),
  pantherSecretValue: secret(
    "The source's secret value (pantherAuthMethod `sharedSecret`: sent as the header value; `hmac`: the HMAC key, never sent). Secret.",
  ).optional(),
  pantherHmacAlgorithm: z
    .enum(['sha256', 'sha512'])
    .default('sha256')
    .describe('HMAC hash, as chosen on the source (pantherAuthMethod `hmac`). Default: sha256.'),
  pantherHmacEncoding: z
    .enum(['hex', 'base64'])
    .default('hex')
    .describe('How the HMAC digest is written in the header (pantherAuthMethod `hmac`). Default: hex.'),
  pantherHmacPrefix: headerValue()
    .max(32)
    .default('')
    .describe('Text before the digest in the header (pantherAuthMethod `hmac`), e.g. `sha256=`. Default: none.'),
  pantherContentFormat: z
    .enum(['JSONLINES', 'JSONARRAY'])
    .default('JSONLINES')
    .describe(
      'Body layout: JSONLINES (one `{log_id, data}` envelope per line) or JSONARRAY (a JSON array of envelopes). Panther infers the stream type. Default: JSONLINES.',
    ),
  pantherCompression: z
    .enum(['gzip', 'none'])
    .default('gzip')
    .describe('`gzip` compresses each body (`Content-Encoding: gzip`), which Panther accepts and recommends for throughput. Default: gzip.'),
});

type Parsed = z.output<typeof schema>;

/** The fields each authentication method needs, and the ones it must not have. */
function checkAuth(config: Parsed, ctx: z.core.$RefinementCtx<Parsed>): void {
  const issue = (path: keyof Parsed, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const method = config.pantherAuthMethod;
  if (method === 'bearer') {
    const token = config.pantherBearerToken?.reveal();
    if (token === undefined) issue('pantherBearerToken', 'is required when pantherAuthMethod is bearer');
    else if (token.length > 4096) issue('pantherBearerToken', 'must be at most 4096 characters');
    if (config.pantherHeaderName) issue('pantherHeaderName', 'is only used with pantherAuthMethod sharedSecret or hmac');
    if (config.pantherSecretValue) issue('pantherSecretValue', 'is only used with pantherAuthMethod sharedSecret or hmac');
    return;
  }
  if (config.pantherBearerToken) issue('pantherBearerToken', 'is only used with pantherAuthMethod bearer');
  if (!config.pantherHeaderName) issue('pantherHeaderName', `is required when pantherAuthMethod is ${method}`);
  else if (RESERVED_HEADERS.has(config.pantherHeaderName.toLowerCase())) issue('pantherHeaderName', `${config.pantherHeaderName} is set by the HTTP client`);
  const value = config.pantherSecretValue?.reveal();
  if (value === undefined) issue('pantherSecretValue', `is required when pantherAuthMethod is ${method}`);
  else if (value.length > 4096) issue('pantherSecretValue', 'must be at most 4096 characters');
  else if (method === 'sharedSecret') {
    const problem = headerValueProblem(value);
    if (problem) issue('pantherSecretValue', problem);
  }
}

export const pantherConfigSchema = schema
  .superRefine(checkAuth)
  .describe('Panther: POSTs Auth0 log envelopes to a Panther HTTP log source (bearer, shared secret or HMAC authentication).');
