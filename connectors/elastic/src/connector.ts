// The elastic connector: one `_bulk` of `create` actions per send (Elasticsearch client or plain OpenSearch), per-item results, a credentials probe.
import {
  collectSecrets,
  defineConnector,
  DeliveryError,
  REDACTED,
  type Connector,
  type ConnectorContext,
  type DeliveryResult,
  type LogBatch,
} from '@outflow/core';
import { checkEndpoints, createHttpTransport, leaseTransport, sdkConnector, type TransportLease } from '@outflow/http';
import { elasticConfigSchema, nodeUrlOf, targetOf } from './config.js';
import { bulkBody, bulkLines, type BulkSettings } from './encoder.js';
import { bulkOutcomes, combineOutcomes } from './outcome.js';
import { authorizationOf, elasticsearchSender, FILTER_PATH, opensearchSender, type BulkSender } from './senders.js';
import type { ElasticConfig } from './types.js';

const MiB = 1024 * 1024;

/** `ctx.http`, or a transport of the connector's own when a CA certificate is configured (closed with it). */
function transportOf(ctx: ConnectorContext, config: ElasticConfig): TransportLease {
  if (!config.elasticCaCert) return leaseTransport(ctx);
  const own = createHttpTransport({ guard: ctx.egress, tls: { ca: config.elasticCaCert } });
  return { transport: own, release: () => own.close() };
}

function create(ctx: ConnectorContext, config: ElasticConfig): Connector {
  const node = nodeUrlOf(config) as string;
  checkEndpoints(ctx, { [config.elasticCloudId ? 'elasticCloudId' : 'elasticNode']: node });
  const secrets = collectSecrets(config);
  const auth = authorizationOf(config);
  if (auth) secrets.push(auth.slice(auth.indexOf(' ') + 1));
  const lease = transportOf(ctx, config);
  const sender: BulkSender =
    config.elasticFlavor === 'opensearch' ? opensearchSender(config, lease.transport, secrets) : elasticsearchSender(config, lease.transport, secrets);
  const settings: BulkSettings = { target: targetOf(config), ecs: config.elasticEcs };
  const now = () => new Date(ctx.clock.now()).toISOString();

  const deliver = async (batch: LogBatch, signal: AbortSignal): Promise<DeliveryResult> => {
    let lines: string[];
    try {
      lines = bulkLines(batch, settings, now());
    } catch {
      return { status: 'permanent', error: new DeliveryError('invalid', 'A stored event is not valid JSON, so it cannot be sent to Elasticsearch.') };
    }
    const exchange = await sender.bulk(lines, signal);
    if ('failed' in exchange) return exchange.failed;
    return combineOutcomes(bulkOutcomes(exchange.answer, batch.length, secrets));
  };

  return sdkConnector({
    ctx,
    requests: 'The _bulk request',
    deliver,
    async probe(signal) {
      const result = await sender.probe(signal);
      if (result.status === 'retryable' || result.status === 'permanent') return { ok: false, error: result.error };
      return { ok: true, message: `The ${config.elasticFlavor === 'opensearch' ? 'OpenSearch' : 'Elasticsearch'} cluster answered and took the credentials.` };
    },
    preview(batch) {
      const headers: Record<string, string> = { 'Content-Type': 'application/x-ndjson' };
      if (auth) headers.Authorization = `${auth.slice(0, auth.indexOf(' '))} ${REDACTED}`;
      const url = `${node.replace(/\/+$/, '')}/_bulk?filter_path=${FILTER_PATH.join(',')}`;
      return { requests: [{ method: 'POST', url, headers, body: bulkBody(bulkLines(batch, settings, now())) }] };
    },
    async release() {
      await sender.close();
      await lease.release();
    },
  });
}

export const elasticConnector = defineConnector({
  type: 'elastic',
  displayName: 'Elastic',
  description:
    "Indexes each event into Elasticsearch or OpenSearch with `_bulk` `create` (`_id` = log_id) in the data stream `logs-auth0-<namespace>` or a named index, in ECS like Elastic's Auth0 integration; an existing document counts as delivered.",
  configSchema: elasticConfigSchema,
  // Elastic's guidance is 5-15 MB per bulk request (`http.max_content_length` is 100 MB); ECS roughly doubles an event, hence 5 MiB of envelopes.
  limits: { maxEvents: 1000, maxBytes: 5 * MiB, maxEventBytes: 5 * MiB },
  create,
});
