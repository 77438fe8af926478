// Config schema: Auth0 field names, defaults, errors named by path, the API key kept hidden.
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { configJsonSchema, destinationPaths, secretPaths } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { datadogConnector } from '../src/index.js';
import { parseConfig } from './fixtures.js';

const schema = datadogConnector.configSchema;
const KEY = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6';
const paths = (input: unknown) => {
  const r = schema.safeParse(input);
  expect(r.success).toBe(false);
  return r.error ? r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n') : '';
};

describe('datadog config', () => {
  it('has the manifest the package.json declares and the documented limits', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; outflowConnector: unknown };
    expect(pkg.name).toBe('@outflow/connector-datadog');
    expect(pkg.outflowConnector).toEqual({ type: 'datadog', apiVersion: 1, export: 'datadogConnector' });
    expect(datadogConnector.type).toBe('datadog');
    expect(datadogConnector.limits).toEqual({ maxEvents: 1000, maxBytes: 4_250_000, maxEventBytes: 1_000_000 });
  });

  it('accepts an Auth0 sink as it is and applies the defaults', () => {
    const c = parseConfig({ datadogApiKey: KEY, datadogRegion: 'eu' });
    expect(c).toMatchObject({ datadogRegion: 'eu', datadogService: 'auth0', datadogSource: 'auth0', datadogTags: [], datadogCompression: 'gzip' });
    expect(c.datadogHostname).toBeUndefined();
    expect(c.datadogEndpoint).toBeUndefined();
    expect(parseConfig({ datadogApiKey: KEY }).datadogRegion).toBe('us');
  });

  it('names the invalid field in each error', () => {
    expect(paths({})).toMatch(/^datadogApiKey:/m);
    expect(paths({ datadogApiKey: '' })).toMatch(/^datadogApiKey: must not be empty/m);
    expect(paths({ datadogApiKey: KEY, datadogRegion: 'mars' })).toMatch(/^datadogRegion:/m);
    expect(paths({ datadogApiKey: KEY, datadogTags: ['env:prod', 'a,b'] })).toMatch(/^datadogTags\.1: must be a tag/m);
    expect(paths({ datadogApiKey: KEY, datadogTags: ['has space'] })).toMatch(/^datadogTags\.0:/m);
    expect(paths({ datadogApiKey: KEY, datadogService: '' })).toMatch(/^datadogService:/m);
    expect(paths({ datadogApiKey: KEY, datadogSource: 'bad\nsource' })).toMatch(/^datadogSource: must not contain control characters/m);
    expect(paths({ datadogApiKey: KEY, datadogHostname: 'two words' })).toMatch(/^datadogHostname:/m);
    expect(paths({ datadogApiKey: KEY, datadogCompression: 'zstd' })).toMatch(/^datadogCompression:/m);
    expect(paths({ datadogApiKey: KEY, datadogEndpoint: 'ftp://proxy.example' })).toMatch(/^datadogEndpoint: must be an absolute https:\/\/ URL/m);
    expect(paths({ datadogApiKey: KEY, datadogEndpoint: 'https://u:p@proxy.example' })).toMatch(/^datadogEndpoint: must not contain credentials/m);
    expect(paths({ datadogApiKey: KEY, datadogEndpoint: 'https://proxy.example/?x=1' })).toMatch(/^datadogEndpoint: must not have a query/m);
  });

  it('rejects unknown fields by name', () => {
    expect(paths({ datadogApiKey: KEY, datadog_api_key: KEY, site: 'eu' })).toMatch(/"datadog_api_key", "site"/);
  });

  it('marks the API key secret and never shows it', () => {
    expect(secretPaths(schema)).toEqual(['datadogApiKey']);
    const c = parseConfig({ datadogApiKey: KEY, datadogTags: ['env:prod'] });
    for (const text of [JSON.stringify(c), inspect(c, { depth: 10 }), String(c.datadogApiKey)]) expect(text).not.toContain(KEY);
    expect(c.datadogApiKey.reveal()).toBe(KEY);
  });

  it('describes every field for docs and forms; only the key is required', () => {
    const json = configJsonSchema(schema) as { properties: Record<string, { description?: string }>; required: string[] };
    expect(Object.keys(json.properties).sort()).toEqual([
      'datadogApiKey',
      'datadogCompression',
      'datadogEndpoint',
      'datadogHostname',
      'datadogRegion',
      'datadogService',
      'datadogSource',
      'datadogTags',
    ]);
    for (const [name, prop] of Object.entries(json.properties)) expect(prop.description, name).toMatch(/\w{3,}/);
    expect(json.required).toEqual(['datadogApiKey']);
  });
});

describe('datadog config in the contract', () => {
  it('marks the fields that pick the destination', () => {
    expect(destinationPaths(datadogConnector.configSchema).sort()).toEqual(['datadogEndpoint', 'datadogRegion']);
  });

  it('refuses a datadogApiKey that could never be sent in a header, without quoting it', () => {
    for (const BAD of ['xoxb-s3cret\r\nX-Evil: 1', 'xoxb-s3cret\0', 'xoxb-s3cret€']) {
      const r = datadogConnector.configSchema.safeParse({ datadogApiKey: BAD });
      expect(r.success).toBe(false);
      const issue = r.error?.issues.find((i) => i.path[0] === 'datadogApiKey');
      expect(issue?.message).toMatch(/^must not contain /);
      expect(JSON.stringify(r.error?.issues)).not.toContain('s3cret');
    }
  });
});
