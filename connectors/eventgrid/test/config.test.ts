// Config schema: Auth0 field names, endpoint from topic and region, key or SAS, channel rules, defaults, secrets kept hidden.
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { configJsonSchema, destinationPaths, secretPaths } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { AUTH0_EVENTGRID_REGIONS, endpointOf, eventgridConnector } from '../src/index.js';
import { settingsOf } from '../src/connector.js';
import { KEY, parseConfig } from './fixtures.js';

const schema = eventgridConnector.configSchema;
const ENDPOINT = 'https://auth0-logs.westeurope-1.eventgrid.azure.net/api/events';
const messages = (input: Record<string, unknown>) => {
  const r = schema.safeParse(input);
  expect(r.success).toBe(false);
  return r.error ? r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n') : '';
};

describe('eventgrid config', () => {
  it('has the manifest the package.json declares and Event Grid limits', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; outflowConnector: unknown };
    expect(pkg.name).toBe('@outflow/connector-eventgrid');
    expect(pkg.outflowConnector).toEqual({ type: 'eventgrid', apiVersion: 1, export: 'eventgridConnector' });
    expect(eventgridConnector.limits).toEqual({ maxEvents: 5000, maxBytes: 1024 * 1024, maxEventBytes: 1024 * 1024 });
  });

  it('applies the defaults', () => {
    const config = parseConfig({ endpoint: ENDPOINT, accessKey: KEY });
    expect(JSON.parse(JSON.stringify(config))).toEqual({ endpoint: ENDPOINT, accessKey: '[REDACTED]', schema: 'cloudEvents', dataVersion: '1.0' });
    expect(settingsOf(config, 'acme')).toEqual({ schema: 'cloudEvents', source: 'urn:auth0:acme', typePrefix: 'com.auth0.log.', dataVersion: '1.0' });
    expect(settingsOf(parseConfig({ endpoint: ENDPOINT, accessKey: KEY, schema: 'eventGrid' }), 'acme').typePrefix).toBe('Auth0.Log.');
    expect(settingsOf(parseConfig({ endpoint: ENDPOINT, accessKey: KEY, source: '/auth0/prod', eventTypePrefix: 'Auth0.' }), 'x')).toMatchObject({
      source: '/auth0/prod',
      typePrefix: 'Auth0.',
    });
  });

  it("builds the endpoint from Auth0's azurePartnerTopic and azureRegion, for every region of Auth0's list", () => {
    for (const region of AUTH0_EVENTGRID_REGIONS)
      expect(endpointOf(parseConfig({ azurePartnerTopic: 'Auth0-Logs', azureRegion: region, accessKey: KEY }))).toBe(
        `https://auth0-logs.${region}-1.eventgrid.azure.net/api/events`,
      );
    expect(endpointOf(parseConfig({ azurePartnerTopic: 'x-topic', azureRegion: 'westeurope', endpoint: ENDPOINT, accessKey: KEY }))).toBe(ENDPOINT);
    expect(messages({ accessKey: KEY })).toMatch(/^azurePartnerTopic: is required \(with azureRegion\) unless endpoint is given$/m);
    expect(messages({ accessKey: KEY, azurePartnerTopic: 'auth0-logs' })).toMatch(/^azureRegion: is required/m);
    expect(messages({ accessKey: KEY, azurePartnerTopic: 'a', azureRegion: 'westeurope' })).toMatch(/^azurePartnerTopic: must be 3-50/m);
    expect(messages({ accessKey: KEY, azurePartnerTopic: 'auth0-logs', azureRegion: 'West Europe' })).toMatch(/^azureRegion: must be an Azure region/m);
  });

  it('checks the Auth0 subscription id and resource group fields', () => {
    const ok = parseConfig({
      endpoint: ENDPOINT,
      accessKey: KEY,
      azureSubscriptionId: 'AAAAAAAA-1111-2222-3333-444444444444',
      azureResourceGroup: 'rg_auth0.(logs)',
    });
    expect(ok.azureResourceGroup).toBe('rg_auth0.(logs)');
    expect(messages({ endpoint: ENDPOINT, accessKey: KEY, azureSubscriptionId: '1234' })).toMatch(/^azureSubscriptionId: must be an Azure subscription id/m);
    expect(messages({ endpoint: ENDPOINT, accessKey: KEY, azureResourceGroup: 'ends-with.' })).toMatch(/^azureResourceGroup:/m);
  });

  it('needs exactly one of accessKey and sasToken', () => {
    expect(messages({ endpoint: ENDPOINT })).toMatch(/^accessKey: is required \(or sasToken\)$/m);
    expect(messages({ endpoint: ENDPOINT, accessKey: KEY, sasToken: 'r=a&e=b&s=c' })).toMatch(/^sasToken: cannot be combined with accessKey/m);
    expect(schema.safeParse({ endpoint: ENDPOINT, sasToken: 'r=a&e=b&s=c' }).success).toBe(true);
    expect(messages({ endpoint: ENDPOINT, accessKey: 'bad\nkey' })).toMatch(/^accessKey:/m);
  });

  it('allows a channel only with CloudEvents, and checks the endpoint and schema', () => {
    expect(parseConfig({ endpoint: ENDPOINT, accessKey: KEY, channelName: 'auth0-acme' }).channelName).toBe('auth0-acme');
    expect(messages({ endpoint: ENDPOINT, accessKey: KEY, channelName: 'auth0-acme', schema: 'eventGrid' })).toMatch(/^channelName: needs schema cloudEvents/m);
    expect(messages({ endpoint: ENDPOINT, accessKey: KEY, channelName: 'bad channel' })).toMatch(/^channelName:/m);
    expect(messages({ endpoint: 'auth0-logs.westeurope-1.eventgrid.azure.net', accessKey: KEY })).toMatch(/^endpoint: must be an absolute https:\/\/ URL$/m);
    expect(messages({ endpoint: ENDPOINT, accessKey: KEY, schema: 'custom' })).toMatch(/^schema:/m);
    expect(messages({ endpoint: ENDPOINT, accessKey: KEY, topicEndpoint: ENDPOINT })).toMatch(/Unrecognized key: "topicEndpoint"/);
  });

  it('marks the fields that pick the topic as destination fields', () => {
    expect(destinationPaths(schema).sort()).toEqual(['azurePartnerTopic', 'azureRegion', 'channelName', 'endpoint']);
  });

  it('marks the key and SAS token as secrets and hides them', () => {
    expect(secretPaths(schema).sort()).toEqual(['accessKey', 'sasToken']);
    const sas = 'r=https%3a%2f%2fx&e=1&s=SECRETSIG';
    for (const c of [parseConfig({ endpoint: ENDPOINT, accessKey: KEY }), parseConfig({ endpoint: ENDPOINT, sasToken: sas })])
      for (const text of [JSON.stringify(c), inspect(c, { depth: 10 }), `${String(c.accessKey ?? c.sasToken)}`]) {
        expect(text).not.toContain(KEY);
        expect(text).not.toContain('SECRETSIG');
      }
  });

  it('describes every field for docs and forms', () => {
    const json = configJsonSchema(schema) as { properties: Record<string, { description?: string }> };
    expect(Object.keys(json.properties).sort()).toEqual([
      'accessKey',
      'azurePartnerTopic',
      'azureRegion',
      'azureResourceGroup',
      'azureSubscriptionId',
      'channelName',
      'dataVersion',
      'endpoint',
      'eventTypePrefix',
      'sasToken',
      'schema',
      'source',
    ]);
    for (const [field, prop] of Object.entries(json.properties)) expect(prop.description, field).toMatch(/\w{3,}/);
  });
});
