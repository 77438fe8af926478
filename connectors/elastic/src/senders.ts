// The two ways a `_bulk` request goes out: the Elasticsearch client on the shared transport, or a plain request for OpenSearch.
import { BaseConnection, Client, errors } from '@elastic/elasticsearch';
import { DeliveryError, transportError, type DeliveryResult, type HttpResponse, type HttpTransport } from '@outflow/core';
import { elasticConnectionClass, toDeliveryResult } from '@outflow/http';
import { bulkBody } from './encoder.js';
import type { ElasticConfig } from './types.js';
import { USER_AGENT } from './version.js';

/** Keeps the answer small (one status per item, errors' type and reason): 1,000 items fit well under the transport's cap. */
export const FILTER_PATH = ['errors', 'items.*.status', 'items.*.error.type', 'items.*.error.reason'];
const NDJSON = 'application/x-ndjson';

/** A `_bulk` answer (parsed), or the batch's result when the request itself failed. */
export type BulkExchange = { answer: unknown } | { failed: DeliveryResult };

export interface BulkSender {
  bulk(lines: readonly string[], signal: AbortSignal): Promise<BulkExchange>;
  /** A read that checks address, TLS and credentials: success, or the failure. */
  probe(signal: AbortSignal): Promise<DeliveryResult>;
  close(): Promise<void>;
}

/** The Authorization header value of the configured auth, if any. */
export function authorizationOf(config: ElasticConfig): string | undefined {
  if (config.elasticApiKey) return `ApiKey ${config.elasticApiKey.reveal()}`;
  if (config.elasticBearerToken) return `Bearer ${config.elasticBearerToken.reveal()}`;
  if (config.elasticUsername && config.elasticPassword)
    return `Basic ${Buffer.from(`${config.elasticUsername}:${config.elasticPassword.reveal()}`).toString('base64')}`;
  return undefined;
}

function clientAuth(config: ElasticConfig) {
  if (config.elasticApiKey) return { apiKey: config.elasticApiKey.reveal() };
  if (config.elasticBearerToken) return { bearer: config.elasticBearerToken.reveal() };
  if (config.elasticUsername && config.elasticPassword) return { username: config.elasticUsername, password: config.elasticPassword.reveal() };
  return undefined;
}

/** A client error's answer as an HttpResponse, for the shared status table. */
function responseOf(meta: { statusCode?: number | null; headers?: Record<string, unknown> | null; body?: unknown }): HttpResponse {
  const body = typeof meta.body === 'string' ? meta.body : JSON.stringify(meta.body ?? '');
  return { status: meta.statusCode ?? 0, headers: (meta.headers ?? {}) as HttpResponse['headers'], body: Buffer.from(body), truncated: false };
}

/** Reads what the client threw: an HTTP answer, the transport's own error, or the client's checks. */
export function clientFailure(err: unknown, secrets: readonly string[]): DeliveryResult {
  if (err instanceof errors.ResponseError && err.meta.statusCode === 406)
    return {
      status: 'permanent',
      error: new DeliveryError(
        'config',
        "The server refused the client's media type `compatible-with=9` (HTTP 406): it is OpenSearch or an Elasticsearch before 8; for OpenSearch set elasticFlavor: opensearch.",
        { status: 406 },
      ),
    };
  if (err instanceof errors.ResponseError) return toDeliveryResult(responseOf(err.meta), { secrets });
  if (err instanceof errors.ProductNotSupportedError)
    return {
      status: 'permanent',
      error: new DeliveryError(
        'config',
        'The server is not Elasticsearch (no `x-elastic-product: Elasticsearch` header); for OpenSearch set elasticFlavor: opensearch.',
      ),
    };
  if (err instanceof errors.RequestAbortedError) return toDeliveryResult(transportError('ABORTED', 'The request was aborted.'), { secrets });
  if (err instanceof errors.DeserializationError)
    return { status: 'retryable', error: new DeliveryError('transient', 'The answer of Elasticsearch is not valid JSON.') };
  return toDeliveryResult(err, { secrets });
}

/** The official client, its HTTP on `transport` (egress guard, keep-alive pool, the attempt's signal) and its retries off. */
export function elasticsearchSender(config: ElasticConfig, transport: HttpTransport, secrets: readonly string[]): BulkSender {
  const auth = clientAuth(config);
  const client = new Client({
    ...(config.elasticCloudId ? { cloud: { id: config.elasticCloudId } } : { node: config.elasticNode as string }),
    ...(auth ? { auth } : {}),
    Connection: elasticConnectionClass(BaseConnection, transport),
    maxRetries: 0,
    sniffOnStart: false,
    headers: { 'user-agent': USER_AGENT },
  });
  return {
    async bulk(lines, signal) {
      try {
        return { answer: await client.bulk({ operations: [...lines], filter_path: FILTER_PATH }, { signal }) };
      } catch (err) {
        return { failed: clientFailure(err, secrets) };
      }
    },
    async probe(signal) {
      try {
        // Any authenticated user may call _authenticate; a key limited to `create_doc` may not call GET /.
        await (auth ? client.security.authenticate({}, { signal }) : client.info({}, { signal }));
        return { status: 'success' };
      } catch (err) {
        return clientFailure(err, secrets);
      }
    },
    close: () => client.close(),
  };
}

/** OpenSearch: the same `_bulk` request, plain, through `transport`. */
export function opensearchSender(config: ElasticConfig, transport: HttpTransport, secrets: readonly string[]): BulkSender {
  const base = (config.elasticNode as string).replace(/\/+$/, '');
  const authorization = authorizationOf(config);
  const headers = (contentType?: string) => ({
    Accept: 'application/json',
    'User-Agent': USER_AGENT,
    ...(contentType ? { 'Content-Type': contentType } : {}),
    ...(authorization ? { Authorization: authorization } : {}),
  });
  const call = async (method: string, path: string, signal: AbortSignal, body?: string): Promise<{ res: HttpResponse } | { failed: DeliveryResult }> => {
    try {
      const res = await transport.request({ method, url: `${base}${path}`, headers: headers(body === undefined ? undefined : NDJSON), body, signal });
      if (res.truncated) return { failed: toDeliveryResult(transportError('ERESPONSETOOLARGE', 'The answer is larger than the response cap.'), { secrets }) };
      if (res.status < 200 || res.status >= 300) return { failed: toDeliveryResult(res, { secrets }) };
      return { res };
    } catch (err) {
      return { failed: toDeliveryResult(err, { secrets }) };
    }
  };
  return {
    async bulk(lines, signal) {
      const out = await call('POST', `/_bulk?filter_path=${FILTER_PATH.join(',')}`, signal, bulkBody(lines));
      if ('failed' in out) return { failed: out.failed };
      try {
        return { answer: JSON.parse(out.res.body.toString('utf8')) as unknown };
      } catch {
        return { failed: { status: 'retryable', error: new DeliveryError('transient', 'The _bulk answer of OpenSearch is not valid JSON.') } };
      }
    },
    async probe(signal) {
      const out = await call('GET', '/', signal);
      return 'failed' in out ? out.failed : { status: 'success' };
    },
    close: async () => {},
  };
}
