// Config schema: defaults, errors named by path, region URLs, the shipping token kept hidden.
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { configJsonSchema, destinationPaths, secretPaths } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { listenerBaseUrl, listenerUrl, LOGZIO_REGIONS, logzioConnector } from '../src/index.js';
import { parseConfig, TOKEN } from './fixtures.js';

const schema = logzioConnector.configSchema;
const paths = (input: unknown) => {
  const r = schema.safeParse(input);
  expect(r.success).toBe(false);
  return r.error ? r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n') : '';
};

describe('logzio config', () => {
  it('has the manifest the package.json declares and the documented limits', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; outflowConnector: unknown };
    expect(pkg.name).toBe('@outflow/connector-logzio');
    expect(pkg.outflowConnector).toEqual({ type: 'logzio', apiVersion: 1, export: 'logzioConnector' });
    expect(logzioConnector.type).toBe('logzio');
    expect(logzioConnector.displayName).toBe('Logz.io');
    expect(logzioConnector.limits).toEqual({ maxEvents: 10_000, maxBytes: 9_900_000, maxEventBytes: 500_000 });
  });

  it('applies the defaults: region us, type auth0, gzip, no endpoint', () => {
    const c = parseConfig({ logzioToken: TOKEN });
    expect(c).toMatchObject({ logzioRegion: 'us', logzioType: 'auth0', logzioCompression: 'gzip' });
    expect(c.logzioEndpoint).toBeUndefined();
    expect(listenerUrl(c)).toBe(`https://listener.logz.io:8071/?token=${TOKEN}&type=auth0`);
  });

  it("maps every region to its listener on port 8071, as in Logz.io's region table", () => {
    expect(LOGZIO_REGIONS).toEqual(['us', 'eu', 'uk', 'au', 'ca', 'nl', 'wa']);
    expect(Object.fromEntries(LOGZIO_REGIONS.map((r) => [r, listenerBaseUrl(r)]))).toEqual({
      us: 'https://listener.logz.io:8071',
      eu: 'https://listener-eu.logz.io:8071',
      uk: 'https://listener-uk.logz.io:8071',
      au: 'https://listener-au.logz.io:8071',
      ca: 'https://listener-ca.logz.io:8071',
      nl: 'https://listener-nl.logz.io:8071',
      wa: 'https://listener-wa.logz.io:8071',
    });
    expect(listenerUrl(parseConfig({ logzioToken: TOKEN, logzioRegion: 'eu', logzioType: 'auth0-prod' }))).toBe(
      `https://listener-eu.logz.io:8071/?token=${TOKEN}&type=auth0-prod`,
    );
  });

  it('lets the endpoint override replace the listener, trailing slashes dropped', () => {
    const c = parseConfig({ logzioToken: TOKEN, logzioRegion: 'eu', logzioEndpoint: 'https://proxy.internal:9443/logzio/' });
    expect(listenerUrl(c)).toBe(`https://proxy.internal:9443/logzio/?token=${TOKEN}&type=auth0`);
  });

  it('names the invalid field in each error', () => {
    expect(paths({})).toMatch(/^logzioToken:/m);
    expect(paths({ logzioToken: '' })).toMatch(/^logzioToken: must not be empty/m);
    expect(paths({ logzioToken: 'abc&type=x' })).toMatch(/^logzioToken: must be a Logz.io shipping token/m);
    expect(paths({ logzioToken: TOKEN, logzioRegion: 'us-east-1' })).toMatch(/^logzioRegion:/m);
    expect(paths({ logzioToken: TOKEN, logzioType: '' })).toMatch(/^logzioType: must not be empty/m);
    expect(paths({ logzioToken: TOKEN, logzioType: 'auth0 prod' })).toMatch(/^logzioType: must be letters, digits/m);
    expect(paths({ logzioToken: TOKEN, logzioType: 'a&token=b' })).toMatch(/^logzioType:/m);
    expect(paths({ logzioToken: TOKEN, logzioCompression: 'zstd' })).toMatch(/^logzioCompression:/m);
    expect(paths({ logzioToken: TOKEN, logzioEndpoint: 'ftp://proxy.example' })).toMatch(/^logzioEndpoint: must be an absolute https:\/\/ URL/m);
    expect(paths({ logzioToken: TOKEN, logzioEndpoint: 'https://u:p@proxy.example' })).toMatch(/^logzioEndpoint: must not contain credentials/m);
    expect(paths({ logzioToken: TOKEN, logzioEndpoint: `https://proxy.example/?token=${TOKEN}` })).toMatch(/^logzioEndpoint: must not have a query/m);
  });

  it('rejects unknown fields by name', () => {
    expect(paths({ logzioToken: TOKEN, token: TOKEN, host: 'listener.logz.io' })).toMatch(/"token", "host"/);
  });

  it('marks the token secret, never shows it, and never quotes it in errors', () => {
    expect(secretPaths(schema)).toEqual(['logzioToken']);
    const c = parseConfig({ logzioToken: TOKEN });
    for (const text of [JSON.stringify(c), inspect(c, { depth: 10 }), String(c.logzioToken)]) expect(text).not.toContain(TOKEN);
    expect(c.logzioToken.reveal()).toBe(TOKEN);
    const bad = schema.safeParse({ logzioToken: 'secretValue with space' });
    expect(JSON.stringify(bad.error?.issues)).not.toContain('secretValue');
  });

  it('marks region and endpoint as destination fields', () => {
    expect(destinationPaths(schema).sort()).toEqual(['logzioEndpoint', 'logzioRegion']);
  });

  it('describes every field for docs and forms; only the token is required', () => {
    const json = configJsonSchema(schema) as { properties: Record<string, { description?: string }>; required: string[] };
    expect(Object.keys(json.properties).sort()).toEqual(['logzioCompression', 'logzioEndpoint', 'logzioRegion', 'logzioToken', 'logzioType']);
    for (const [name, prop] of Object.entries(json.properties)) expect(prop.description, name).toMatch(/\w{3,}/);
    expect(json.required).toEqual(['logzioToken']);
  });
});
