// Configuration of the eventbridge connector: Auth0's sink fields (awsAccountId, awsRegion) plus bus, credentials and limits.
import { destination, operatorOnly, secret, secretHeaderValue } from '@outflow/core';
import { withIgnoredFields } from '@outflow/http';
import { z } from 'zod';
import { BUS_ARN, BUS_NAME, parseBusArn, REGION } from './regions.js';

const KiB = 1024;

const schema = z
  .strictObject({
    eventBusName: destination(
      z
        .string()
        .refine(
          (v) => BUS_NAME.test(v) || BUS_ARN.test(v),
          'must be an event bus name (letters, digits, . - _ /) or an event bus ARN (arn:aws:events:<region>:<account>:event-bus/<name>)',
        )
        .default('default'),
    ).describe('Event bus to put events on: a name such as `auth0-logs` or an ARN (needed for a bus in another account). Default: `default`.'),
    awsRegion: destination(z.string().regex(REGION, 'must be an AWS region such as us-east-1').optional()).describe(
      'AWS region of the event bus (Auth0 field), e.g. `us-east-1`; Auth0 accepts the regions in AUTH0_EVENTBRIDGE_REGIONS. Required unless eventBusName is an ARN.',
    ),
    awsAccountId: destination(
      z
        .string()
        .regex(/^\d{12}$/, 'must be a 12-digit AWS account id')
        .optional(),
    ).describe(
      'AWS account that owns the event bus (Auth0 field), 12 digits. With a bus name, Outflow targets the bus ARN in this account (cross-account delivery).',
    ),
    awsAccessKeyId: z
      .string()
      .regex(/^[A-Z0-9]{16,128}$/, 'must be an AWS access key id (AKIA… or ASIA…)')
      .optional()
      .describe('Access key id for static credentials, with awsSecretAccessKey. Required unless awsDefaultCredentials is true.'),
    awsSecretAccessKey: secret('Secret access key that goes with awsAccessKeyId. Secret.').optional(),
    awsDefaultCredentials: operatorOnly(
      z.boolean().optional(),
      "it signs with the runner's own AWS credentials (environment, ~/.aws files, container or instance role)",
    ).describe(
      "Operator only (config file). true: without keys, sign with the AWS SDK's default credential chain, i.e. the runner's own credentials (environment, shared config, SSO, container or instance role). Streams created through the API must give awsAccessKeyId and awsSecretAccessKey.",
    ),
    awsSessionToken: secretHeaderValue('Session token of temporary credentials (ASIA… keys), with awsAccessKeyId and awsSecretAccessKey. Secret.').optional(),
    source: z
      .string()
      .min(1)
      .max(256)
      .refine((v) => !v.startsWith('aws.'), 'must not start with "aws." (reserved for AWS services)')
      .default('outflow.auth0')
      .describe('`Source` of every event, for matching in rules. Default: `outflow.auth0`.'),
    detailType: z.string().min(1).max(128).default('Auth0 log').describe('`DetailType` (`detail-type`) of every event. Default: `Auth0 log`, as Auth0 sends.'),
    detailFormat: z
      .enum(['auth0', 'cloudevents'])
      .default('auth0')
      .describe(
        'Outflow extra. `auth0`: `detail` is the `{log_id, data}` envelope, as Auth0 sends. `cloudevents`: `detail` is the event as a CloudEvents 1.0 event (id = log_id, type `com.auth0.log.<code>`, source `urn:auth0:<tenant>`), as Auth0 Event Streams send. Default: auth0.',
      ),
    awsEndpoint: destination(z.url({ protocol: /^https?$/, error: 'must be an absolute https:// URL' }).optional()).describe(
      "Outflow extra. Endpoint URL override for VPC endpoints, LocalStack or tests. Default: `https://events.<awsRegion>.amazonaws.com`. Checked against the runner's egress policy.",
    ),
    maxEntryBytes: z
      .number()
      .int()
      .min(1 * KiB)
      .max(1024 * KiB)
      .default(256 * KiB)
      .describe(
        'Outflow extra. Size limit of one PutEvents request, counted the AWS way (Time + Source + DetailType + Detail, plus the bus name to be safe); also the largest event sent. Default: 262144 (256 KiB). Buses that accept 1 MB payloads may use up to 1048576.',
      ),
  })
  .superRefine((config, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (config.awsAccessKeyId !== undefined && config.awsSecretAccessKey === undefined) issue('awsSecretAccessKey', 'is required with awsAccessKeyId');
    if (config.awsSecretAccessKey !== undefined && config.awsAccessKeyId === undefined) issue('awsAccessKeyId', 'is required with awsSecretAccessKey');
    if (config.awsAccessKeyId === undefined && config.awsSecretAccessKey === undefined && config.awsDefaultCredentials !== true) {
      issue('awsAccessKeyId', "is required (with awsSecretAccessKey) unless the operator's config file sets awsDefaultCredentials: true");
    }
    if (config.awsAccessKeyId !== undefined && config.awsDefaultCredentials === true)
      issue('awsDefaultCredentials', 'cannot be combined with awsAccessKeyId: give keys or use the default credential chain');
    if (config.awsSessionToken !== undefined && config.awsAccessKeyId === undefined)
      issue('awsSessionToken', 'is only used with awsAccessKeyId and awsSecretAccessKey');
    const arn = parseBusArn(config.eventBusName);
    if (!arn && config.awsRegion === undefined) issue('awsRegion', 'is required unless eventBusName is an event bus ARN');
    if (arn && config.awsRegion !== undefined && config.awsRegion !== arn.region)
      issue('awsRegion', `does not match the region of the eventBusName ARN (${arn.region})`);
    if (arn && config.awsAccountId !== undefined && config.awsAccountId !== arn.accountId)
      issue('awsAccountId', `does not match the account of the eventBusName ARN (${arn.accountId})`);
  })
  .describe('Amazon EventBridge (Auth0 stream type `eventbridge`): PutEvents with detail-type `Auth0 log` and detail = the `{log_id, data}` envelope.');

/** The schema; `awsTimeoutMs` (removed: the attempt's deadline bounds each call) is still accepted and ignored. */
export const eventbridgeConfigSchema = withIgnoredFields(schema, ['awsTimeoutMs']);
