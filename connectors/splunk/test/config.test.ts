// Config schema: Auth0's splunk sink as it is, defaults, errors named by path, the token kept hidden.
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { configJsonSchema, destinationPaths, secretPaths } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { splunkConnector } from '../src/index.js';
import { parseConfig, TOKEN } from './fixtures.js';

const schema = splunkConnector.configSchema;
const errors = (input: unknown) => {
  const r = schema.safeParse(input);
  expect(r.success).toBe(false);
  return r.error ? r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n') : '';
};
const ok = { splunkDomain: 'splunk.example.com', splunkToken: TOKEN };

describe('splunk config', () => {
  it('has the manifest the package.json declares and the documented limits', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; outflowConnector: unknown };
    expect(pkg.name).toBe('@outflow/connector-splunk');
    expect(pkg.outflowConnector).toEqual({ type: 'splunk', apiVersion: 1, export: 'splunkConnector' });
    expect(splunkConnector.type).toBe('splunk');
    expect(splunkConnector.limits).toEqual({ maxEvents: 1000, maxBytes: 900_000, maxEventBytes: 900_000 });
  });

  it('accepts an Auth0 sink as it is (port as a string, secure off)', () => {
    const c = parseConfig({ splunkDomain: 'acme.splunkcloud.com', splunkToken: TOKEN, splunkPort: '443', splunkSecure: false });
    expect(c).toMatchObject({ splunkDomain: 'acme.splunkcloud.com', splunkPort: '443', splunkSecure: false });
  });

  it('applies the defaults', () => {
    const c = parseConfig(ok);
    expect(c).toMatchObject({
      splunkSecure: true,
      splunkScheme: 'https',
      splunkSourcetype: 'auth0',
      splunkSource: 'auth0',
      splunkCompression: 'none',
      splunkAck: false,
    });
    expect('splunkAckTimeoutMs' in c).toBe(false);
    for (const k of ['splunkPort', 'splunkIndex', 'splunkChannel'] as const) expect(c[k]).toBeUndefined();
  });

  it('still loads a stored config with the deprecated splunkAckTimeoutMs, and drops it', () => {
    const c = parseConfig({ ...ok, splunkAck: true, splunkAckTimeoutMs: 60_000 } as Parameters<typeof parseConfig>[0]);
    expect(c.splunkAck).toBe(true);
    expect('splunkAckTimeoutMs' in c).toBe(false);
    // Gone from the JSON schema, so docs and the dashboard's form no longer offer it.
    expect(Object.keys((configJsonSchema(schema) as { properties: object }).properties)).not.toContain('splunkAckTimeoutMs');
  });

  it('takes the port as digits or a YAML number, and an empty port as the default', () => {
    expect(parseConfig({ ...ok, splunkPort: 8089 }).splunkPort).toBe('8089');
    expect(parseConfig({ ...ok, splunkPort: '' }).splunkPort).toBeUndefined();
  });

  it('names the invalid field in each error', () => {
    expect(errors({})).toMatch(/^splunkDomain:.*\n?.*^splunkToken:/ms);
    expect(errors({ ...ok, splunkToken: '' })).toMatch(/^splunkToken: must not be empty/m);
    expect(errors({ ...ok, splunkDomain: 'splunk.example.com/services' })).toMatch(/^splunkDomain: must be a host name/m);
    expect(errors({ ...ok, splunkDomain: 'ftp://splunk.example.com' })).toMatch(/^splunkDomain: must be an http:\/\/ or https:\/\/ URL/m);
    expect(errors({ ...ok, splunkDomain: 'https://admin:pw@splunk.example.com' })).toMatch(/^splunkDomain: must not contain credentials/m);
    expect(errors({ ...ok, splunkPort: '80a' })).toMatch(/^splunkPort: must be digits only/m);
    expect(errors({ ...ok, splunkPort: '70000' })).toMatch(/^splunkPort: must be a port between 1 and 65535/m);
    expect(errors({ ...ok, splunkSecure: 'yes' })).toMatch(/^splunkSecure:/m);
    expect(errors({ ...ok, splunkScheme: 'ftp' })).toMatch(/^splunkScheme:/m);
    expect(errors({ ...ok, splunkIndex: 'Main Index' })).toMatch(/^splunkIndex: must be a Splunk index name/m);
    expect(errors({ ...ok, splunkSourcetype: 'a"b' })).toMatch(/^splunkSourcetype: must not contain quotes/m);
    expect(errors({ ...ok, splunkCompression: 'deflate' })).toMatch(/^splunkCompression:/m);
    expect(errors({ ...ok, splunkChannel: 'not-a-guid' })).toMatch(/^splunkChannel: must be a GUID/m);
  });

  it('rejects unknown fields by name', () => {
    expect(errors({ ...ok, splunk_domain: 'x', hecToken: 'y' })).toMatch(/"splunk_domain", "hecToken"/);
  });

  it('marks the token secret and never shows it', () => {
    expect(secretPaths(schema)).toEqual(['splunkToken']);
    const c = parseConfig(ok);
    for (const text of [JSON.stringify(c), inspect(c, { depth: 10 }), String(c.splunkToken)]) expect(text).not.toContain(TOKEN);
    expect(c.splunkToken.reveal()).toBe(TOKEN);
  });

  it('describes every field for docs and forms; domain and token are required', () => {
    const json = configJsonSchema(schema) as { properties: Record<string, { description?: string }>; required: string[] };
    expect(Object.keys(json.properties).sort()).toEqual([
      'splunkAck',
      'splunkChannel',
      'splunkCompression',
      'splunkDomain',
      'splunkIndex',
      'splunkPort',
      'splunkScheme',
      'splunkSecure',
      'splunkSource',
      'splunkSourcetype',
      'splunkToken',
    ]);
    for (const [name, prop] of Object.entries(json.properties)) expect(prop.description, name).toMatch(/\w{3,}/);
    expect(json.required.sort()).toEqual(['splunkDomain', 'splunkToken']);
  });
});

describe('splunk config in the contract', () => {
  it('marks the fields that pick the destination', () => {
    expect(destinationPaths(splunkConnector.configSchema).sort()).toEqual(['splunkDomain', 'splunkPort', 'splunkScheme']);
  });

  it('refuses a splunkToken that could never be sent in a header, without quoting it', () => {
    for (const BAD of ['xoxb-s3cret\r\nX-Evil: 1', 'xoxb-s3cret\0', 'xoxb-s3cret€']) {
      const r = splunkConnector.configSchema.safeParse({ splunkDomain: 'splunk.example.com', splunkToken: BAD });
      expect(r.success).toBe(false);
      const issue = r.error?.issues.find((i) => i.path[0] === 'splunkToken');
      expect(issue?.message).toMatch(/^must not contain /);
      expect(JSON.stringify(r.error?.issues)).not.toContain('s3cret');
    }
  });
});
