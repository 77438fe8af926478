// Configuration of the elastic connector: target (Cloud ID or node URL), auth, TLS CA, data stream or index, ECS, flavour.
import { destination, secret, secretHeaderValue } from '@outflow/core';
import { z } from 'zod';

/** Characters Elastic refuses in index and data stream names. */
const BAD_NAME_CHARS = /[\\/*?"<>|,# :]/;
const noCredentialsOrQuery = (url: URL) => !url.username && !url.password && !url.search && !url.hash;

const indexName = z
  .string()
  .min(1)
  .max(255)
  .refine((v) => v === v.toLowerCase(), 'must be lowercase')
  .refine((v) => !BAD_NAME_CHARS.test(v), 'must not contain \\ / * ? " < > | , # : or a space')
  .refine((v) => !/^[-_+.]/.test(v), 'must not start with -, _, + or .');

const namespace = z
  .string()
  .min(1)
  .max(100)
  .refine((v) => v === v.toLowerCase(), 'must be lowercase')
  .refine((v) => !v.includes('-') && !BAD_NAME_CHARS.test(v), 'must not contain - \\ / * ? " < > | , # : or a space');

export const elasticConfigSchema = z
  .strictObject({
    elasticFlavor: destination(z.enum(['elasticsearch', 'opensearch']).default('elasticsearch')).describe(
      '`elasticsearch` (default) sends with the official Elasticsearch client; `opensearch` sends the same `_bulk` request to an OpenSearch cluster (which the Elasticsearch client refuses to talk to).',
    ),
    elasticCloudId: destination(
      z
        .string()
        .regex(/^[^:\s]*:[A-Za-z0-9+/=_-]+$/, 'must be an Elastic Cloud ID (`<name>:<base64>`)')
        .optional(),
    ).describe('Elastic Cloud ID of the deployment (from the Cloud console). Give this or elasticNode. Not for OpenSearch.'),
    elasticNode: destination(
      z
        .url({ protocol: /^https?$/, error: 'must be an absolute https:// URL' })
        .refine((u) => !URL.canParse(u) || noCredentialsOrQuery(new URL(u)), 'must not contain credentials, a query string or a fragment')
        .optional(),
    ).describe(
      "URL of an Elasticsearch or OpenSearch node, e.g. `https://es.example.com:9200` (a path prefix is kept). Checked against the runner's egress policy.",
    ),
    elasticApiKey: secretHeaderValue('Elasticsearch API key, the encoded form (base64 of `id:api_key`), sent as `Authorization: ApiKey …`. Secret.').optional(),
    elasticUsername: z.string().min(1).optional().describe('User name for HTTP Basic auth, with elasticPassword.'),
    elasticPassword: secret('Password for HTTP Basic auth, with elasticUsername. Secret.').optional(),
    elasticBearerToken: secretHeaderValue('Bearer token (e.g. an Elasticsearch service account token), sent as `Authorization: Bearer …`. Secret.').optional(),
    elasticCaCert: z
      .string()
      .includes('-----BEGIN CERTIFICATE-----', { message: 'must be a PEM certificate (-----BEGIN CERTIFICATE-----)' })
      .optional()
      .describe("PEM CA certificate(s) that signed a self-managed cluster's HTTP certificate (Elasticsearch's `http_ca.crt`)."),
    elasticIndex: destination(indexName.optional()).describe(
      'Write to this index (or alias, or data stream) instead of the data stream `logs-auth0-<elasticNamespace>`.',
    ),
    elasticNamespace: destination(namespace.default('default')).describe(
      'Namespace of the default data stream `logs-auth0-<namespace>` (matches the built-in `logs-*-*` template). Default: `default`.',
    ),
    elasticEcs: z
      .boolean()
      .default(true)
      .describe(
        "true (default): documents in the Elastic Common Schema like Elastic's Auth0 integration (`@timestamp`, `event.*`, `user.*`, `source.ip`, `user_agent.original`, the envelope under `auth0.logs`). false: the `{log_id, data}` envelope plus `@timestamp`.",
      ),
  })
  .superRefine((config, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (config.elasticCloudId === undefined && config.elasticNode === undefined) issue('elasticNode', 'is required unless elasticCloudId is given');
    if (config.elasticCloudId !== undefined && config.elasticNode !== undefined) issue('elasticCloudId', 'cannot be combined with elasticNode: give one');
    if (config.elasticCloudId !== undefined && !cloudNodeUrl(config.elasticCloudId))
      issue('elasticCloudId', 'does not decode to `<host>$<elasticsearch id>[$<kibana id>]`');
    if (config.elasticCloudId !== undefined && config.elasticFlavor === 'opensearch')
      issue('elasticCloudId', 'is Elastic Cloud only; give elasticNode for OpenSearch');
    if (config.elasticUsername !== undefined && config.elasticPassword === undefined) issue('elasticPassword', 'is required with elasticUsername');
    if (config.elasticPassword !== undefined && config.elasticUsername === undefined) issue('elasticUsername', 'is required with elasticPassword');
    const methods = [config.elasticApiKey, config.elasticUsername, config.elasticBearerToken].filter((m) => m !== undefined).length;
    if (methods > 1) issue('elasticApiKey', 'give one of elasticApiKey, elasticUsername/elasticPassword or elasticBearerToken');
  })
  .describe(
    'Elasticsearch or OpenSearch: `_bulk` `create` requests with `_id` = log_id into the data stream `logs-auth0-<namespace>` or a named index; an existing document (409) counts as delivered.',
  );

/** Where documents go: the named index, else the data stream `logs-auth0-<namespace>`. */
export function targetOf(config: { elasticIndex?: string | undefined; elasticNamespace: string }): string {
  return config.elasticIndex ?? `logs-auth0-${config.elasticNamespace}`;
}

/** The node URL of a Cloud ID (`name:base64(host$es-uuid$kibana-uuid)`), as the client derives it; undefined when malformed. */
export function cloudNodeUrl(cloudId: string): string | undefined {
  const [, encoded = ''] = cloudId.split(':');
  const [host, esId] = Buffer.from(encoded, 'base64').toString('utf8').split('$');
  return host && esId ? `https://${esId}.${host}` : undefined;
}

/** The node URL the connector sends to (the Cloud ID's for Elastic Cloud). */
export function nodeUrlOf(config: { elasticNode?: string | undefined; elasticCloudId?: string | undefined }): string | undefined {
  return config.elasticNode ?? (config.elasticCloudId ? cloudNodeUrl(config.elasticCloudId) : undefined);
}
