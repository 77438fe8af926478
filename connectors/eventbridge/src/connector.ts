// The eventbridge connector: PutEvents calls of up to 10 entries through the AWS SDK on the shared transport, per-entry results, DescribeEventBus as probe.
import { DescribeEventBusCommand, EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
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
import { awsClientOptions, awsErrorResult, checkEndpoints, leaseTransport, sdkConnector } from '@outflow/http';
import { eventbridgeConfigSchema } from './config.js';
import { buildEntries, callBody, MAX_ENTRIES_PER_CALL, planCalls, type PlannedEntry } from './encoder.js';
import { combineOutcomes, entryOutcomes, EVENTBRIDGE_KINDS, type EntryOutcome } from './outcome.js';
import { defaultEndpoint, parseBusArn, partitionOf } from './regions.js';
import type { EventbridgeConfig } from './types.js';

const MiB = 1024 * 1024;

/** Where events go: the region, the EventBusName sent (an ARN when awsAccountId names the owner) and the endpoint. */
export function resolveTarget(config: EventbridgeConfig): { region: string; eventBusName: string; endpoint: string } {
  const arn = parseBusArn(config.eventBusName);
  const region = config.awsRegion ?? arn?.region ?? 'us-east-1';
  const eventBusName =
    !arn && config.awsAccountId ? `arn:${partitionOf(region)}:events:${region}:${config.awsAccountId}:event-bus/${config.eventBusName}` : config.eventBusName;
  return { region, eventBusName, endpoint: config.awsEndpoint ?? defaultEndpoint(region) };
}

/** Static keys when given; without them the SDK's default chain signs (only the operator's config file may allow that). */
function credentialsOf(config: EventbridgeConfig) {
  if (!config.awsAccessKeyId || !config.awsSecretAccessKey) return {};
  const token = config.awsSessionToken ? { sessionToken: config.awsSessionToken.reveal() } : {};
  return { credentials: { accessKeyId: config.awsAccessKeyId, secretAccessKey: config.awsSecretAccessKey.reveal(), ...token } };
}

function create(ctx: ConnectorContext, config: EventbridgeConfig): Connector {
  const target = resolveTarget(config);
  checkEndpoints(ctx, { [config.awsEndpoint ? 'awsEndpoint' : 'awsRegion']: target.endpoint });
  // SDK releases after early 2027 drop Node 20 and warn at every start; the lockfile pins the SDK, so it is noise unless the operator set it.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const lease = leaseTransport(ctx);
  const client = new EventBridgeClient({ region: target.region, endpoint: target.endpoint, ...credentialsOf(config), ...awsClientOptions(lease.transport) });
  const errors = { service: 'EventBridge', kinds: EVENTBRIDGE_KINDS, secrets: collectSecrets(config) };
  const settings = {
    source: config.source,
    detailType: config.detailType,
    eventBusName: target.eventBusName,
    cloudEventsTenant: config.detailFormat === 'cloudevents' ? ctx.tenant : undefined,
  };

  /** One PutEvents call; the outcome of each of its entries. */
  const put = async (entries: readonly PlannedEntry[], signal: AbortSignal): Promise<EntryOutcome[]> => {
    try {
      const out = await client.send(new PutEventsCommand({ Entries: entries.map((e) => e.entry) }), { abortSignal: signal });
      return entryOutcomes(entries.length, out.FailedEntryCount, out.Entries, errors);
    } catch (err) {
      const failure = awsErrorResult(err, errors);
      return entries.map(() => ({ ok: false, failure, from: 'call' }));
    }
  };

  const deliver = async (batch: LogBatch, signal: AbortSignal): Promise<DeliveryResult> => {
    let planned: PlannedEntry[];
    try {
      planned = buildEntries(batch, settings);
    } catch {
      return { status: 'permanent', error: new DeliveryError('invalid', 'A stored event is not valid JSON, so it cannot be sent to EventBridge.') };
    }
    const { calls, oversized } = planCalls(planned, config.maxEntryBytes);
    const outcomes = new Array<EntryOutcome>(batch.length);
    for (const e of oversized) {
      const error = new DeliveryError('invalid', `The event is ${e.size} bytes as an EventBridge entry, above maxEntryBytes (${config.maxEntryBytes}).`, {
        tooLarge: true,
      });
      outcomes[e.index] = { ok: false, failure: { status: 'permanent', error }, from: 'entry' };
    }
    const answers = await Promise.all(calls.map((entries) => put(entries, signal)));
    calls.forEach((entries, c) => entries.forEach((e, i) => (outcomes[e.index] = (answers[c] as EntryOutcome[])[i] as EntryOutcome)));
    return combineOutcomes(outcomes);
  };

  return sdkConnector({
    ctx,
    requests: 'The PutEvents calls',
    deliver,
    async probe(signal) {
      try {
        const bus = await client.send(new DescribeEventBusCommand({ Name: target.eventBusName }), { abortSignal: signal });
        return { ok: true, message: `The event bus ${bus.Name ?? target.eventBusName} exists and is readable (${bus.Arn ?? 'no ARN given'}).` };
      } catch (err) {
        return { ok: false, error: awsErrorResult(err, errors).error };
      }
    },
    preview(batch) {
      const { calls } = planCalls(buildEntries(batch, settings), config.maxEntryBytes);
      const headers = { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSEvents.PutEvents', Authorization: `AWS4-HMAC-SHA256 ${REDACTED}` };
      return { requests: calls.map((entries) => ({ method: 'POST', url: `${target.endpoint}/`, headers, body: callBody(entries) })) };
    },
    // Calls in flight may finish (aborted past the bound); then the client goes and the transport lease is given back.
    async release() {
      client.destroy();
      await lease.release();
    },
  });
}

export const eventbridgeConnector = defineConnector({
  type: 'eventbridge',
  displayName: 'Amazon EventBridge',
  description:
    'Puts each event on an EventBridge bus with PutEvents: detail-type `Auth0 log`, detail = the `{log_id, data}` envelope; per-entry failures are reported by index.',
  configSchema: eventbridgeConfigSchema,
  // maxEntryBytes (256 KiB by default, up to 1 MiB) is enforced per call: a batch whose entries do not fit in one call becomes several.
  limits: { maxEvents: MAX_ENTRIES_PER_CALL, maxBytes: 1 * MiB, maxEventBytes: 1 * MiB },
  create,
});
