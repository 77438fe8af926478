// The eventbridge connector instance: PutEvents calls of up to 10 entries, per-entry results, DescribeEventBus healthcheck.
import { DescribeEventBusCommand, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import {
  createInflight, collectSecrets, ConfigError, DeliveryError, REDACTED, type Connector, type ConnectorContext, type DeliveryResult, type LogBatch, type PayloadPreview,
} from '@outflow/core';
import { createClient } from './client.js';
import { buildEntries, planCalls, type PlannedEntry } from './entries.js';
import { callFailure, closedError, healthFromFailure } from './outcome.js';
import { defaultEndpoint, parseBusArn, partitionOf } from './regions.js';
import { combineOutcomes, entryOutcomes, type EntryOutcome } from './results.js';
import type { EventbridgeConfig } from './types.js';

/** Where events go: the region, the EventBusName sent (an ARN when awsAccountId names the owner) and the endpoint. */
export function resolveTarget(config: EventbridgeConfig): { region: string; eventBusName: string; endpoint: string } {
  const arn = parseBusArn(config.eventBusName);
  const region = config.awsRegion ?? arn?.region ?? 'us-east-1';
  const eventBusName = !arn && config.awsAccountId ? `arn:${partitionOf(region)}:events:${region}:${config.awsAccountId}:event-bus/${config.eventBusName}` : config.eventBusName;
  return { region, eventBusName, endpoint: config.awsEndpoint ?? defaultEndpoint(region) };
}

/** The PutEvents body of one call, as the SDK serializes it (Time in epoch seconds). */
function callBody(entries: readonly PlannedEntry[]): string {
  return JSON.stringify({ Entries: entries.map(({ entry }) => ({ ...entry, ...(entry.Time ? { Time: entry.Time.getTime() / 1000 } : {}) })) });
}

export function createEventbridge(ctx: ConnectorContext, config: EventbridgeConfig): Connector {
  const target = resolveTarget(config);
  try {
    ctx.egress.checkUrl(target.endpoint);
  } catch (err) {
    throw new ConfigError('The EventBridge endpoint is not allowed by the egress policy.', [{ path: config.awsEndpoint ? 'awsEndpoint' : 'awsRegion', message: (err as Error).message }]);
  }
  const secrets = collectSecrets(config);
  const handle = createClient(config, { region: target.region, endpoint: target.endpoint, egress: ctx.egress });
  const settings = { source: config.source, detailType: config.detailType, eventBusName: target.eventBusName };
  const inflight = createInflight();


  /** One PutEvents call; the outcome of each of its entries. */
  const put = async (entries: readonly PlannedEntry[], signal: AbortSignal): Promise<EntryOutcome[]> => {
    try {
      const out = await handle.client.send(new PutEventsCommand({ Entries: entries.map((e) => e.entry) }), { abortSignal: signal });
      return entryOutcomes(entries.length, out.FailedEntryCount, out.Entries, secrets);
    } catch (err) {
      const failure = callFailure(err, secrets);
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
      const error = new DeliveryError('invalid', `The event is ${e.size} bytes as an EventBridge entry, above maxEntryBytes (${config.maxEntryBytes}).`, { tooLarge: true });
      outcomes[e.index] = { ok: false, failure: { status: 'permanent', error }, from: 'entry' };
    }
    const answers = await Promise.all(calls.map((entries) => put(entries, signal)));
    calls.forEach((entries, c) => entries.forEach((e, i) => (outcomes[e.index] = (answers[c] as EntryOutcome[])[i] as EntryOutcome)));
    return combineOutcomes(outcomes);
  };

  return {
    async send(batch: LogBatch, signal: AbortSignal): Promise<DeliveryResult> {
      if (inflight.closed) return { status: 'permanent', error: closedError() };
      if (batch.length === 0) return { status: 'success' };
      const started = Date.now();
      const result = await inflight.track(deliver(batch, signal));
      ctx.logger.debug({ events: batch.length, outcome: result.status, ms: Date.now() - started }, 'The PutEvents calls of a batch finished.');
      return result;
    },

    async healthcheck(signal: AbortSignal) {
      if (inflight.closed) return { ok: false, error: closedError() };
      try {
        const bus = await inflight.track(handle.client.send(new DescribeEventBusCommand({ Name: target.eventBusName }), { abortSignal: signal }));
        return { ok: true, message: `The event bus ${bus.Name ?? target.eventBusName} exists and is readable (${bus.Arn ?? 'no ARN given'}).` };
      } catch (err) {
        return healthFromFailure(callFailure(err, secrets));
      }
    },

    preview(batch: LogBatch): PayloadPreview {
      if (batch.length === 0) return { requests: [] };
      const { calls } = planCalls(buildEntries(batch, settings), config.maxEntryBytes);
      const headers = { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSEvents.PutEvents', Authorization: `AWS4-HMAC-SHA256 ${REDACTED}` };
      return { requests: calls.map((entries) => ({ method: 'POST', url: `${target.endpoint}/`, headers, body: callBody(entries) })) };
    },

    close(): Promise<void> {
      return inflight.close(() => handle.close());
    },
  };
}
