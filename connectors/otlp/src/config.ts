// Configuration of the OTLP logs connector: the collector's endpoint, encoding, compression, headers and resource.
import { destination } from '@outflow/core';
import { z } from 'zod';
import { headersSchema } from './headers.js';

/** zod runs refinements even after `.url()` failed, so they must not throw. */
const parseUrl = (u: string): URL | undefined => (URL.canParse(u) ? new URL(u) : undefined);

const PRINTABLE = /^[^\x00-\x1f\x7f]*$/;
const attributeValue = z.string().max(1024).regex(PRINTABLE, 'must not contain control characters');

export const otlpConfigSchema = z
  .strictObject({
    endpoint: destination(
      z
        .url({ protocol: /^https?$/, error: 'must be an absolute https:// URL' })
        .refine((u) => !parseUrl(u)?.username && !parseUrl(u)?.password, 'must not contain credentials (put them in headers)')
        .refine((u) => !parseUrl(u)?.hash, 'must not have a fragment'),
    ).describe(
      'OTLP/HTTP base URL of the collector or vendor, e.g. `https://otlp.nr-data.net` or `http://collector:4318`. `/v1/logs` is appended unless the path already ends with it. http:// needs egress.allowHttp.',
    ),
    encoding: z
      .enum(['protobuf', 'json'])
      .default('protobuf')
      .describe('`protobuf` (`application/x-protobuf`, the OTLP default, accepted everywhere) or `json` (`application/json`). Default: protobuf.'),
    compression: z.enum(['gzip', 'none']).default('gzip').describe('`gzip` compresses each request (`Content-Encoding: gzip`). Default: gzip.'),
    headers: headersSchema,
    serviceName: attributeValue.min(1).default('auth0').describe('The `service.name` resource attribute. Default: `auth0`.'),
    resourceAttributes: z
      .record(z.string().min(1).max(256).regex(PRINTABLE, 'must not contain control characters'), attributeValue)
      .refine((r) => Object.keys(r).length <= 64, 'at most 64 attributes')
      .default({})
      .describe('Extra resource attributes (string values), e.g. `{"deployment.environment.name": "prod"}`. They override the connector\'s own ones.'),
    body: z
      .enum(['kvlist', 'string'])
      .default('kvlist')
      .describe(
        "The LogRecord body: `kvlist` (the `{log_id, data}` envelope as a structured AnyValue map) or `string` (the envelope's stored JSON text). Default: kvlist.",
      ),
  })
  .describe('OpenTelemetry (OTLP/HTTP logs): one OTel LogRecord per Auth0 event, POSTed to <endpoint>/v1/logs in protobuf or JSON.');

/** The full logs URL: the base endpoint plus `/v1/logs`, unless its path already ends with it. */
export function logsUrl(endpoint: string): string {
  const url = new URL(endpoint);
  if (!/\/v1\/logs\/?$/.test(url.pathname)) url.pathname = `${url.pathname.replace(/\/+$/, '')}/v1/logs`;
  return url.toString();
}
