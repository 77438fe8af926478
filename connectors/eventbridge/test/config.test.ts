// Config schema: Auth0 field names, region and ARN rules, credential pairs, defaults, secrets kept hidden.
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { configJsonSchema, destinationPaths, operatorOnlyPaths, secretPaths } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { AUTH0_EVENTBRIDGE_REGIONS, eventbridgeConnector } from '../src/index.js';
import { resolveTarget } from '../src/connector.js';
import { ACCESS_KEY, parseConfig as parseWithKeys, SECRET_KEY } from './fixtures.js';

const schema = eventbridgeConnector.configSchema;
type Input = Parameters<typeof parseWithKeys>[0];
/** Most cases are about other fields: without keys they use the (operator-only) default chain. */
const ambient = (input: Record<string, unknown>) =>
  'awsAccessKeyId' in input || 'awsSecretAccessKey' in input || 'awsDefaultCredentials' in input ? input : { awsDefaultCredentials: true, ...input };
const parseConfig = (input: Input) => parseWithKeys(ambient(input) as Input);
const messages = (input: Record<string, unknown>) => {
  const r = schema.safeParse(ambient(input));
  expect(r.success).toBe(false);
  return r.error ? r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n') : '';
};

describe('eventbridge config', () => {
  it('has the manifest the package.json declares and PutEvents limits', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; outflowConnector: unknown };
    expect(pkg.name).toBe('@outflow/connector-eventbridge');
    expect(pkg.outflowConnector).toEqual({ type: 'eventbridge', apiVersion: 1, export: 'eventbridgeConnector' });
    expect(eventbridgeConnector.limits).toEqual({ maxEvents: 10, maxBytes: 1024 * 1024, maxEventBytes: 1024 * 1024 });
  });

  it('applies the defaults', () => {
    expect(parseConfig({ awsRegion: 'eu-west-1' })).toEqual({
      awsRegion: 'eu-west-1',
      awsDefaultCredentials: true,
      eventBusName: 'default',
      source: 'outflow.auth0',
      detailType: 'Auth0 log',
      detailFormat: 'auth0',
      maxEntryBytes: 256 * 1024,
    });
  });

  it('still loads a config carrying the removed awsTimeoutMs, and drops it', () => {
    const parsed = parseConfig({ awsRegion: 'eu-west-1', awsTimeoutMs: 5000 } as Input);
    expect(parsed).not.toHaveProperty('awsTimeoutMs');
    expect(parsed.awsRegion).toBe('eu-west-1');
    expect(messages({ awsRegion: 'eu-west-1', awsTimeoutMs: 5000, awsTimeout: 1 })).toMatch(/Unrecognized key: "awsTimeout"/);
  });

  it("accepts every region of Auth0's list and other region names", () => {
    for (const region of [...AUTH0_EVENTBRIDGE_REGIONS, 'cn-north-1', 'us-isob-east-1'])
      expect(schema.safeParse(ambient({ awsRegion: region })).success, region).toBe(true);
    expect(messages({ awsRegion: 'US-EAST-1' })).toMatch(/^awsRegion: must be an AWS region/m);
  });

  it('needs a region unless the bus is an ARN, and checks the ARN against region and account', () => {
    expect(messages({})).toMatch(/^awsRegion: is required unless eventBusName is an event bus ARN$/m);
    const arn = 'arn:aws:events:eu-west-1:111122223333:event-bus/auth0';
    expect(parseConfig({ eventBusName: arn }).eventBusName).toBe(arn);
    expect(messages({ eventBusName: arn, awsRegion: 'us-east-1' })).toMatch(/^awsRegion: does not match the region of the eventBusName ARN \(eu-west-1\)$/m);
    expect(messages({ eventBusName: arn, awsAccountId: '999988887777' })).toMatch(/^awsAccountId: does not match the account/m);
    expect(messages({ awsRegion: 'us-east-1', eventBusName: 'has spaces' })).toMatch(/^eventBusName: must be an event bus name/m);
    expect(messages({ awsRegion: 'us-east-1', awsAccountId: '12345' })).toMatch(/^awsAccountId: must be a 12-digit AWS account id$/m);
  });

  it('targets the bus ARN when awsAccountId names the owner, in the right partition', () => {
    expect(resolveTarget(parseConfig({ awsRegion: 'us-east-1', awsAccountId: '111122223333', eventBusName: 'auth0' }))).toEqual({
      region: 'us-east-1',
      eventBusName: 'arn:aws:events:us-east-1:111122223333:event-bus/auth0',
      endpoint: 'https://events.us-east-1.amazonaws.com',
    });
    expect(resolveTarget(parseConfig({ awsRegion: 'us-gov-west-1', awsAccountId: '111122223333' })).eventBusName).toBe(
      'arn:aws-us-gov:events:us-gov-west-1:111122223333:event-bus/default',
    );
    expect(resolveTarget(parseConfig({ awsRegion: 'cn-north-1' })).endpoint).toBe('https://events.cn-north-1.amazonaws.com.cn');
    expect(resolveTarget(parseConfig({ eventBusName: 'arn:aws:events:eu-west-1:111122223333:event-bus/x' })).region).toBe('eu-west-1');
  });

  it('requires access keys in pairs and a session token only with them', () => {
    expect(messages({ awsRegion: 'us-east-1', awsAccessKeyId: ACCESS_KEY })).toMatch(/^awsSecretAccessKey: is required with awsAccessKeyId$/m);
    expect(messages({ awsRegion: 'us-east-1', awsSecretAccessKey: SECRET_KEY })).toMatch(/^awsAccessKeyId: is required with awsSecretAccessKey$/m);
    expect(messages({ awsRegion: 'us-east-1', awsSessionToken: 'tok' })).toMatch(/^awsSessionToken: is only used with awsAccessKeyId/m);
    expect(messages({ awsRegion: 'us-east-1', awsAccessKeyId: 'lowercase', awsSecretAccessKey: 'x' })).toMatch(
      /^awsAccessKeyId: must be an AWS access key id/m,
    );
  });

  it("needs keys unless the operator's config turns the default credential chain on, which only the config file may do", () => {
    const plain = (input: unknown) =>
      schema
        .safeParse(input)
        .error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('\n');
    expect(plain({ awsRegion: 'us-east-1' })).toMatch(
      /^awsAccessKeyId: is required \(with awsSecretAccessKey\) unless the operator's config file sets awsDefaultCredentials: true$/m,
    );
    expect(plain({ awsRegion: 'us-east-1', awsDefaultCredentials: false })).toMatch(/^awsAccessKeyId: is required/m);
    expect(plain({ awsRegion: 'us-east-1', awsDefaultCredentials: true, awsAccessKeyId: ACCESS_KEY, awsSecretAccessKey: SECRET_KEY })).toMatch(
      /^awsDefaultCredentials: cannot be combined with awsAccessKeyId/m,
    );
    expect(schema.safeParse({ awsRegion: 'us-east-1', awsAccessKeyId: ACCESS_KEY, awsSecretAccessKey: SECRET_KEY }).success).toBe(true);
    expect(operatorOnlyPaths(schema)).toEqual(['awsDefaultCredentials']);
  });

  it('marks the fields that pick the bus as destination fields', () => {
    expect(destinationPaths(schema).sort()).toEqual(['awsAccountId', 'awsEndpoint', 'awsRegion', 'eventBusName']);
  });

  it('validates source, detailType, endpoint and maxEntryBytes', () => {
    expect(messages({ awsRegion: 'us-east-1', source: 'aws.events' })).toMatch(/^source: must not start with "aws\."/m);
    expect(messages({ awsRegion: 'us-east-1', detailType: '' })).toMatch(/^detailType:/m);
    expect(messages({ awsRegion: 'us-east-1', awsEndpoint: 'localhost:4566' })).toMatch(/^awsEndpoint: must be an absolute https:\/\/ URL$/m);
    expect(messages({ awsRegion: 'us-east-1', maxEntryBytes: 1024 * 1024 + 1 })).toMatch(/^maxEntryBytes:/m);
    expect(parseConfig({ awsRegion: 'us-east-1', maxEntryBytes: 1024 * 1024 }).maxEntryBytes).toBe(1024 * 1024);
  });

  it('marks the secret key and session token as secrets and hides them', () => {
    expect(secretPaths(schema).sort()).toEqual(['awsSecretAccessKey', 'awsSessionToken']);
    const c = parseConfig({ awsRegion: 'us-east-1', awsAccessKeyId: ACCESS_KEY, awsSecretAccessKey: SECRET_KEY, awsSessionToken: 'session-token-ABCDEF' });
    for (const text of [JSON.stringify(c), inspect(c, { depth: 10 })]) {
      expect(text).not.toContain(SECRET_KEY);
      expect(text).not.toContain('session-token-ABCDEF');
    }
  });

  it('describes every field for docs and forms', () => {
    const json = configJsonSchema(schema) as { properties: Record<string, { description?: string }> };
    expect(Object.keys(json.properties).sort()).toEqual([
      'awsAccessKeyId',
      'awsAccountId',
      'awsDefaultCredentials',
      'awsEndpoint',
      'awsRegion',
      'awsSecretAccessKey',
      'awsSessionToken',
      'detailFormat',
      'detailType',
      'eventBusName',
      'maxEntryBytes',
      'source',
    ]);
    for (const [field, prop] of Object.entries(json.properties)) expect(prop.description, field).toMatch(/\w{3,}/);
  });
});
