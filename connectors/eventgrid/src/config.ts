// Configuration of the eventgrid connector: Auth0's sink fields (azureSubscriptionId, azureRegion, azureResourceGroup, azurePartnerTopic) plus endpoint, key and schema.
import { destination, secretHeaderValue } from '@outflow/core';
import { z } from 'zod';
import { REGION, RESOURCE_NAME } from './regions.js';

export const eventgridConfigSchema = z
  .strictObject({
    azureSubscriptionId: z
      .string()
      .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'must be an Azure subscription id (a UUID)')
      .optional()
      .describe('Azure subscription that holds the topic (Auth0 field), a UUID. Recorded for the healthcheck message; publishing does not send it.'),
    azureResourceGroup: z
      .string()
      .regex(/^[-\w.()]{0,89}[-\w()]$/, 'must be an Azure resource group name (1-90 letters, digits, - _ . ( ), not ending in .)')
      .optional()
      .describe('Resource group of the topic (Auth0 field), e.g. `auth0-logs`. Recorded for the healthcheck message; publishing does not send it.'),
    azureRegion: destination(z.string().regex(REGION, 'must be an Azure region name such as westeurope').optional()).describe(
      'Azure region of the topic (Auth0 field), e.g. `westeurope`; Auth0 accepts the regions in AUTH0_EVENTGRID_REGIONS. With azurePartnerTopic it builds the endpoint; not needed with endpoint.',
    ),
    azurePartnerTopic: destination(z.string().regex(RESOURCE_NAME, 'must be 3-50 letters, digits or hyphens').optional()).describe(
      'Name of the custom topic, or of the partner namespace when channelName is set (Auth0 field; for Auth0 it names the partner topic). With azureRegion it gives the endpoint `https://<name>.<region>-1.eventgrid.azure.net/api/events`.',
    ),
    endpoint: destination(z.url({ protocol: /^https?$/, error: 'must be an absolute https:// URL' }).optional()).describe(
      "Outflow extra. The topic's endpoint as Azure shows it, e.g. `https://auth0-logs.westeurope-1.eventgrid.azure.net/api/events` (sovereign clouds, private endpoints, tests). Default: built from azurePartnerTopic and azureRegion. Checked against the runner's egress policy.",
    ),
    channelName: destination(
      z
        .string()
        .regex(/^[A-Za-z0-9-]{3,50}$/, 'must be 3-50 letters, digits or hyphens')
        .optional(),
    ).describe(
      "Partner namespace mode: the channel sent in the `aeg-channel-name` header, which routes the events to the customer's partner topic. Needs schema cloudEvents. Leave out for a custom topic.",
    ),
    schema: z
      .enum(['cloudEvents', 'eventGrid'])
      .default('cloudEvents')
      .describe(
        "Input schema of the topic: `cloudEvents` (CloudEvents 1.0, Azure's recommended format) or `eventGrid` (the Event Grid schema). Default: cloudEvents.",
      ),
    accessKey: secretHeaderValue('Access key of the topic or namespace, sent as `aeg-sas-key`. Secret. Give accessKey or sasToken.').optional(),
    sasToken: secretHeaderValue('Shared access signature (`r=…&e=…&s=…`), sent as `aeg-sas-token`. Secret. Give accessKey or sasToken.').optional(),
    source: z
      .string()
      .min(1)
      .max(512)
      .optional()
      .describe(
        'CloudEvents `source` of every event, a URI reference. Default: `urn:auth0:<tenant>`, as the webhook and EventBridge CloudEvents options send.',
      ),
    eventTypePrefix: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe(
        'Prefix of the event type, followed by the Auth0 type code. Default: `com.auth0.log.` (cloudEvents) or `Auth0.Log.` (eventGrid), e.g. `com.auth0.log.s`.',
      ),
    dataVersion: z.string().min(1).max(64).default('1.0').describe('`dataVersion` of Event Grid schema events. Default: `1.0`.'),
  })
  .superRefine((config, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (config.accessKey === undefined && config.sasToken === undefined) issue('accessKey', 'is required (or sasToken)');
    if (config.accessKey !== undefined && config.sasToken !== undefined) issue('sasToken', 'cannot be combined with accessKey: give one of them');
    if (config.endpoint === undefined) {
      if (config.azurePartnerTopic === undefined) issue('azurePartnerTopic', 'is required (with azureRegion) unless endpoint is given');
      if (config.azureRegion === undefined) issue('azureRegion', 'is required (with azurePartnerTopic) unless endpoint is given');
    }
    if (config.channelName !== undefined && config.schema !== 'cloudEvents')
      issue('channelName', 'needs schema cloudEvents: partner namespaces take CloudEvents 1.0 only');
  })
  .describe('Azure Event Grid (Auth0 stream type `eventgrid`): publishes each event as a CloudEvent (or Event Grid event) with id = log_id.');
