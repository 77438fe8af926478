// Config schema: Auth0's sumoSourceAddress, the auth-header mode, metadata headers that can be sent, secrets kept hidden.
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { configJsonSchema, destinationPaths, secretPaths } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { sumoConnector } from '../src/index.js';
import { ADDRESS, ENDPOINT, parseConfig } from './fixtures.js';

const schema = sumoConnector.configSchema;
const TOKEN = 'tok_0123456789abcdefSECRET';
const problems = (input: unknown) => {
  const r = schema.safeParse(input);
  expect(r.success).toBe(false);
  return r.error ? r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n') : '';
};

describe('sumo config', () => {
  it('has the manifest the package.json declares and the documented limits', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; outflowConnector: unknown };
    expect(pkg.name).toBe('@outflow/connector-sumo');
    expect(pkg.outflowConnector).toEqual({ type: 'sumo', apiVersion: 1, export: 'sumoConnector' });
    expect(sumoConnector.type).toBe('sumo');
    expect(sumoConnector.limits).toEqual({ maxEvents: 2000, maxBytes: 998_000, maxEventBytes: 65_536 });
    // The largest body the limits allow (every stored byte plus a newline per event) stays within 1 MB.
    expect(sumoConnector.limits.maxBytes + sumoConnector.limits.maxEvents).toBeLessThanOrEqual(1_000_000);
  });

  it('accepts an Auth0 sink as it is and applies the defaults', () => {
    const c = parseConfig({ sumoSourceAddress: ADDRESS });
    expect(c.sumoSourceAddress?.reveal()).toBe(ADDRESS);
    expect(c).toMatchObject({ sumoFields: {}, sumoConcurrency: 1 });
    for (const k of ['sumoEndpoint', 'sumoToken', 'sumoCategory', 'sumoName', 'sumoHost'] as const) expect(c[k]).toBeUndefined();
  });

  it('accepts the auth-header mode and the metadata overrides', () => {
    const c = parseConfig({
      sumoEndpoint: ENDPOINT,
      sumoToken: TOKEN,
      sumoCategory: 'prod/auth0',
      sumoName: 'Auth0 logs',
      sumoHost: 'acme.eu.auth0.com',
      sumoFields: { env: 'prod', 'team-a.x_y': 'Identité', _parser: '/Parsers/System/Auth0/Auth0' },
      sumoConcurrency: 2,
    });
    expect(c.sumoToken?.reveal()).toBe(TOKEN);
    expect(c).toMatchObject({
      sumoEndpoint: ENDPOINT,
      sumoCategory: 'prod/auth0',
      sumoFields: { env: 'prod', 'team-a.x_y': 'Identité', _parser: '/Parsers/System/Auth0/Auth0' },
      sumoConcurrency: 2,
    });
  });

  it('needs exactly one mode, complete', () => {
    expect(problems({})).toMatch(/^sumoSourceAddress: is required unless sumoEndpoint and sumoToken are set/m);
    expect(problems({ sumoSourceAddress: ADDRESS, sumoEndpoint: ENDPOINT, sumoToken: TOKEN })).toMatch(/^sumoSourceAddress: cannot be combined/m);
    expect(problems({ sumoEndpoint: ENDPOINT })).toMatch(/^sumoToken: is required with sumoEndpoint/m);
    expect(problems({ sumoToken: TOKEN })).toMatch(/^sumoEndpoint: is required with sumoToken/m);
  });

  it('checks the source address without quoting it', () => {
    const cases: Array<[string, RegExp]> = [
      ['', /must not be empty/],
      ['endpoint4.collection.sumologic.com/receiver/v1/http/abc', /must be an absolute https:\/\/ URL/],
      ['ftp://endpoint4.collection.sumologic.com/receiver/v1/http/abc', /must be an absolute https:\/\/ URL/],
      ['https://u:p@endpoint4.collection.sumologic.com/receiver/v1/http/abc', /must not contain user credentials/],
      [`${ADDRESS}?x=1`, /must not have a query or fragment/],
      [ENDPOINT, /has no source code after \/receiver\/v1\/http\/: for an Auth Header URL, set sumoEndpoint and sumoToken/],
      ['https://endpoint4.collection.sumologic.com/', /has no path/],
    ];
    for (const [value, message] of cases) {
      const text = problems({ sumoSourceAddress: value });
      expect(text).toMatch(new RegExp(`^sumoSourceAddress: ${message.source}`, 'm'));
      if (value) expect(text).not.toContain(value);
    }
  });

  it('refuses metadata that cannot be sent as a header, and malformed fields', () => {
    expect(problems({ sumoSourceAddress: ADDRESS, sumoCategory: 'a\r\nX-Evil: 1' })).toMatch(/^sumoCategory: must not contain a carriage return/m);
    expect(problems({ sumoSourceAddress: ADDRESS, sumoName: '   ' })).toMatch(/^sumoName: must not be empty/m);
    expect(problems({ sumoSourceAddress: ADDRESS, sumoHost: 'host\u2603' })).toMatch(/^sumoHost: must not contain the character U\+2603/m);
    expect(problems({ sumoSourceAddress: ADDRESS, sumoCategory: 'x'.repeat(1025) })).toMatch(/^sumoCategory:/m);
    expect(problems({ sumoSourceAddress: ADDRESS, sumoFields: { env: 'a,b' } })).toMatch(/^sumoFields\.env: must be 1-1024 characters without `,` or `=`/m);
    expect(problems({ sumoSourceAddress: ADDRESS, sumoFields: { env: 'a=b' } })).toMatch(/^sumoFields\.env:/m);
    expect(problems({ sumoSourceAddress: ADDRESS, sumoFields: { env: '' } })).toMatch(/^sumoFields\.env:/m);
    expect(problems({ sumoSourceAddress: ADDRESS, sumoFields: { env: 'line\nbreak' } })).toMatch(/^sumoFields\.env: must not contain a line feed/m);
    expect(problems({ sumoSourceAddress: ADDRESS, sumoFields: { '-env': 'x' } })).toMatch(/^sumoFields\.-env: must be a field name/m);
    expect(problems({ sumoSourceAddress: ADDRESS, sumoFields: { ['k'.repeat(129)]: 'x' } })).toMatch(/^sumoFields\.k+: must be a field name/m);
    expect(problems({ sumoSourceAddress: ADDRESS, sumoFields: { 'a b': 'x' } })).toMatch(/^sumoFields\.a b: must be a field name/m);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`f${i}`, 'v']));
    expect(problems({ sumoSourceAddress: ADDRESS, sumoFields: many })).toMatch(/^sumoFields: must have at most 50 fields/m);
    expect(problems({ sumoSourceAddress: ADDRESS, sumoConcurrency: 0 })).toMatch(/^sumoConcurrency:/m);
    expect(problems({ sumoSourceAddress: ADDRESS, sumoConcurrency: 9 })).toMatch(/^sumoConcurrency:/m);
    expect(problems({ sumoEndpoint: 'https://u:p@collectors.sumologic.com/receiver/v1/http', sumoToken: TOKEN })).toMatch(
      /^sumoEndpoint: must not contain credentials/m,
    );
    expect(problems({ sumoEndpoint: `${ENDPOINT}?t=1`, sumoToken: TOKEN })).toMatch(/^sumoEndpoint: must not have a query/m);
    expect(problems({ sumoEndpoint: ENDPOINT, sumoToken: 'tok\nen' })).toMatch(/^sumoToken: must not contain a line feed/m);
  });

  it('rejects unknown fields by name', () => {
    expect(problems({ sumoSourceAddress: ADDRESS, sumo_source_address: ADDRESS })).toMatch(/"sumo_source_address"/);
  });

  it('marks the source address and token secret (and where data goes), and never shows them', () => {
    expect(secretPaths(schema).sort()).toEqual(['sumoSourceAddress', 'sumoToken']);
    expect(destinationPaths(schema).sort()).toEqual(['sumoEndpoint', 'sumoSourceAddress']);
    for (const c of [parseConfig({ sumoSourceAddress: ADDRESS }), parseConfig({ sumoEndpoint: ENDPOINT, sumoToken: TOKEN })]) {
      for (const text of [JSON.stringify(c), inspect(c, { depth: 10 }), `${String(c.sumoSourceAddress)} ${String(c.sumoToken)}`]) {
        expect(text).not.toContain(ADDRESS);
        expect(text).not.toContain(TOKEN);
      }
    }
  });

  it('describes every field for docs and forms', () => {
    const json = configJsonSchema(schema) as { properties: Record<string, { description?: string }> };
    expect(Object.keys(json.properties).sort()).toEqual(
      ['sumoCategory', 'sumoConcurrency', 'sumoEndpoint', 'sumoFields', 'sumoHost', 'sumoName', 'sumoSourceAddress', 'sumoToken'].sort(),
    );
    for (const [name, field] of Object.entries(json.properties)) expect(field.description, name).toBeTruthy();
  });
});
