// The eventgrid connector: EventGridPublisherClient on the shared transport (no SDK retries), requests of up to 1 MB, an empty publish as probe.
import { AzureKeyCredential, AzureSASCredential, EventGridPublisherClient } from '@azure/eventgrid';
import {
  collectSecrets,
  defineConnector,
  DeliveryError,
  REDACTED,
  type Connector,
  type ConnectorContext,
  type DeliveryResult,
  type HealthResult,
  type LogBatch,
} from '@outflow/core';
import { checkEndpoints, combineResults, createAzureHttpClient, leaseTransport, sdkConnector } from '@outflow/http';
import { eventgridConfigSchema } from './config.js';
import { bodyOf, buildEvents, CONTENT_TYPES, MAX_EVENT_BYTES, MAX_REQUEST_BYTES, planRequests, type EventSettings, type PlannedEvent } from './encoder.js';
import { sendOutcome } from './outcome.js';
import { defaultEndpoint } from './regions.js';
import type { EventgridConfig } from './types.js';

/** The api-version the SDK (and Azure's publishing docs) use. */
export const API_VERSION = '2018-01-01';

/** The topic's (or partner namespace's) publishing endpoint. */
export function endpointOf(config: EventgridConfig): string {
  return config.endpoint ?? defaultEndpoint(config.azurePartnerTopic ?? '', config.azureRegion ?? '');
}

export function settingsOf(config: EventgridConfig, tenant: string): EventSettings {
  const cloud = config.schema === 'cloudEvents';
  return {
    schema: config.schema,
    source: config.source ?? `urn:auth0:${tenant}`,
    typePrefix: config.eventTypePrefix ?? (cloud ? 'com.auth0.log.' : 'Auth0.Log.'),
    dataVersion: config.dataVersion,
  };
}

function create(ctx: ConnectorContext, config: EventgridConfig): Connector {
  const endpoint = endpointOf(config);
  checkEndpoints(ctx, { [config.endpoint ? 'endpoint' : 'azurePartnerTopic']: endpoint });
  const lease = leaseTransport(ctx);
  const credential = config.accessKey ? new AzureKeyCredential(config.accessKey.reveal()) : new AzureSASCredential(config.sasToken?.reveal() ?? '');
  const options = {
    // One attempt: no retries or redirects inside the pipeline; the platform retries.
    httpClient: createAzureHttpClient(lease.transport),
    retryOptions: { maxRetries: 0 },
    redirectOptions: { maxRetries: 0 },
    userAgentOptions: { userAgentPrefix: 'outflow' },
  };
  const client =
    config.schema === 'cloudEvents'
      ? new EventGridPublisherClient(endpoint, 'CloudEvent', credential, options)
      : new EventGridPublisherClient(endpoint, 'EventGrid', credential, options);
  const secrets = collectSecrets(config);
  const settings = settingsOf(config, ctx.tenant);
  const channel = config.channelName ? { channelName: config.channelName } : {};

  /** One SDK send (one HTTP request): its result. */
  const publish = async (events: readonly PlannedEvent[], signal: AbortSignal): Promise<DeliveryResult> => {
    let thrown: unknown;
    try {
      // The client's schema matches the inputs buildEvents made for config.schema.
      await (client as EventGridPublisherClient<'CloudEvent'>).send(events.map((e) => e.input) as never[], { abortSignal: signal, ...channel });
    } catch (err) {
      thrown = err ?? new Error('The SDK threw nothing.');
    }
    return sendOutcome(thrown, { secrets, now: ctx.clock.now() });
  };

  const deliver = async (batch: LogBatch, signal: AbortSignal): Promise<DeliveryResult> => {
    let events: PlannedEvent[];
    try {
      events = buildEvents(batch, settings);
    } catch {
      return { status: 'permanent', error: new DeliveryError('invalid', 'A stored event is not valid JSON, so it cannot be sent to Event Grid.') };
    }
    const { requests, oversized } = planRequests(events);
    const tooLarge = oversized.map((e) => ({
      result: {
        status: 'permanent' as const,
        error: new DeliveryError('invalid', `The event is ${e.size} bytes as an Event Grid event, above Event Grid's limit of ${MAX_EVENT_BYTES} bytes.`, {
          tooLarge: true,
        }),
      },
      indices: [e.index],
    }));
    const sent = await Promise.all(requests.map(async (list) => ({ result: await publish(list, signal), indices: list.map((e) => e.index) })));
    return combineResults([...sent, ...tooLarge]);
  };

  const probe = async (signal: AbortSignal): Promise<HealthResult> => {
    const result = await publish([], signal);
    const where = [
      config.azureSubscriptionId && `subscription ${config.azureSubscriptionId}`,
      config.azureResourceGroup && `resource group ${config.azureResourceGroup}`,
    ]
      .filter(Boolean)
      .join(', ');
    if (result.status === 'success') return { ok: true, message: `Event Grid accepted an empty publish at ${endpoint}${where ? ` (${where})` : ''}.` };
    if (result.status === 'permanent' && result.error.kind === 'invalid')
      return {
        ok: true,
        message: `Event Grid is reachable and took the credentials (it answered the empty publish with HTTP ${result.error.details.status ?? '?'}).`,
      };
    return { ok: false, error: (result as Extract<DeliveryResult, { error: DeliveryError }>).error };
  };

  return sdkConnector({
    ctx,
    requests: 'The Event Grid publish requests',
    deliver,
    probe,
    preview(batch) {
      const { requests } = planRequests(buildEvents(batch, settings));
      const headers: Record<string, string> = {
        'Content-Type': CONTENT_TYPES[config.schema],
        ...(config.channelName ? { 'aeg-channel-name': config.channelName } : {}),
        ...(config.accessKey ? { 'aeg-sas-key': REDACTED } : { 'aeg-sas-token': REDACTED }),
      };
      return { requests: requests.map((list) => ({ method: 'POST', url: `${endpoint}?api-version=${API_VERSION}`, headers, body: bodyOf(list) })) };
    },
    // Sends in flight may finish (aborted past the bound); then the transport lease is given back.
    release: lease.release,
  });
}

export const eventgridConnector = defineConnector({
  type: 'eventgrid',
  displayName: 'Azure Event Grid',
  description:
    'Publishes each event to an Event Grid topic (or a partner namespace channel) as a CloudEvent 1.0 or Event Grid event: id = log_id, type per Auth0 type code, subject = user_id, data = the log event.',
  configSchema: eventgridConfigSchema,
  // Envelopes are counted raw; as events they gain ~200 bytes each, so a batch over 1 MB on the wire becomes several requests.
  limits: { maxEvents: 5000, maxBytes: MAX_REQUEST_BYTES, maxEventBytes: MAX_EVENT_BYTES },
  create,
});
