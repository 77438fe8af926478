// Config schema: each auth mode's required fields, defaults, errors named by path, secrets kept hidden.
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { configJsonSchema, destinationPaths, secretPaths } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { pantherConnector } from '../src/index.js';
import { HMAC_KEY, parseConfig, SHARED_SECRET, TOKEN } from './fixtures.js';

const schema = pantherConnector.configSchema;
const URL_OK = 'https://logs.acme.runpanther.net/http/5f9c2b7e-3a41-4c8e-9d2f-0b6a1e7c4d93';
const errors = (input: unknown) => {
  const r = schema.safeParse(input);
  expect(r.success).toBe(false);
  return r.error ? r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n') : '';
};
const bearer = { pantherUrl: URL_OK, pantherAuthMethod: 'bearer', pantherBearerToken: TOKEN };
const shared = { pantherUrl: URL_OK, pantherAuthMethod: 'sharedSecret', pantherHeaderName: 'X-Panther-Secret', pantherSecretValue: SHARED_SECRET };
const hmac = { pantherUrl: URL_OK, pantherAuthMethod: 'hmac', pantherHeaderName: 'X-Signature', pantherSecretValue: HMAC_KEY };

describe('panther config', () => {
  it('has the manifest the package.json declares and limits that keep a request under 1 MB with headers', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; outflowConnector: unknown };
    expect(pkg.name).toBe('@outflow/connector-panther');
    expect(pkg.outflowConnector).toEqual({ type: 'panther', apiVersion: 1, export: 'pantherConnector' });
    const { maxEvents, maxBytes, maxEventBytes } = pantherConnector.limits;
    // Body (events + one separator each + brackets) + request line and headers (URL ≤ 2048, secret ≤ 4096, the rest < 2 KB).
    expect(maxBytes + maxEvents + 2 + 2048 + 4096 + 2048).toBeLessThan(1_000_000);
    expect(maxEventBytes).toBeLessThanOrEqual(maxBytes);
  });

  it('applies the defaults: JSON lines, gzip, HMAC sha256 in hex without prefix', () => {
    expect(parseConfig(bearer as never)).toMatchObject({ pantherContentFormat: 'JSONLINES', pantherCompression: 'gzip' });
    expect(parseConfig(hmac as never)).toMatchObject({ pantherHmacAlgorithm: 'sha256', pantherHmacEncoding: 'hex', pantherHmacPrefix: '' });
    expect(parseConfig({ ...shared, pantherContentFormat: 'JSONARRAY', pantherCompression: 'none' } as never)).toMatchObject({
      pantherContentFormat: 'JSONARRAY',
      pantherCompression: 'none',
    });
  });

  it('requires what each auth mode needs and refuses what it does not use', () => {
    expect(errors({ pantherUrl: URL_OK, pantherAuthMethod: 'bearer' })).toMatch(/^pantherBearerToken: is required when pantherAuthMethod is bearer/m);
    expect(errors({ ...bearer, pantherHeaderName: 'X-A' })).toMatch(/^pantherHeaderName: is only used with pantherAuthMethod sharedSecret or hmac/m);
    expect(errors({ ...bearer, pantherSecretValue: 'x' })).toMatch(/^pantherSecretValue: is only used/m);
    expect(errors({ ...shared, pantherBearerToken: TOKEN })).toMatch(/^pantherBearerToken: is only used with pantherAuthMethod bearer/m);
    expect(errors({ ...shared, pantherHeaderName: undefined })).toMatch(/^pantherHeaderName: is required when pantherAuthMethod is sharedSecret/m);
    expect(errors({ ...hmac, pantherSecretValue: undefined })).toMatch(/^pantherSecretValue: is required when pantherAuthMethod is hmac/m);
    expect(errors({ pantherUrl: URL_OK })).toMatch(/^pantherAuthMethod:/m);
    expect(errors({ ...bearer, pantherAuthMethod: 'basic' })).toMatch(/^pantherAuthMethod:/m);
  });

  it('names the invalid field in each error', () => {
    expect(errors({ ...bearer, pantherUrl: 'ftp://logs.example.com/http/x' })).toMatch(/^pantherUrl: must be an absolute https:\/\/ URL/m);
    expect(errors({ ...bearer, pantherUrl: 'https://u:p@logs.example.com/http/x' })).toMatch(/^pantherUrl: must not contain credentials/m);
    expect(errors({ ...bearer, pantherUrl: `${URL_OK}#x` })).toMatch(/^pantherUrl: must not have a fragment/m);
    expect(errors({ ...bearer, pantherUrl: `https://logs.example.com/${'a'.repeat(2048)}` })).toMatch(/^pantherUrl:/m);
    expect(errors({ ...shared, pantherHeaderName: 'X Bad' })).toMatch(/^pantherHeaderName: must be an HTTP header name/m);
    expect(errors({ ...shared, pantherHeaderName: 'Content-Type' })).toMatch(/^pantherHeaderName: Content-Type is set by the HTTP client/m);
    expect(errors({ ...hmac, pantherHmacAlgorithm: 'sha1' })).toMatch(/^pantherHmacAlgorithm:/m);
    expect(errors({ ...hmac, pantherHmacEncoding: 'base32' })).toMatch(/^pantherHmacEncoding:/m);
    expect(errors({ ...hmac, pantherHmacPrefix: 'x'.repeat(33) })).toMatch(/^pantherHmacPrefix:/m);
    expect(errors({ ...bearer, pantherContentFormat: 'JSONOBJECT' })).toMatch(/^pantherContentFormat:/m);
    expect(errors({ ...bearer, pantherCompression: 'zstd' })).toMatch(/^pantherCompression:/m);
    expect(errors({ ...bearer, pantherBearerToken: 'x'.repeat(4097) })).toMatch(/^pantherBearerToken: must be at most 4096 characters/m);
  });

  it('rejects unknown fields by name', () => {
    expect(errors({ ...bearer, httpEndpoint: URL_OK, token: 'x' })).toMatch(/"httpEndpoint", "token"/);
  });

  it('refuses a shared secret that could never be sent in a header, without quoting it; an HMAC key may hold any character', () => {
    const bad = 's3cret-value\r\nX-Evil: 1';
    const message = errors({ ...shared, pantherSecretValue: bad });
    expect(message).toMatch(/^pantherSecretValue: must not contain a carriage return/m);
    expect(message).not.toContain('s3cret');
    expect(parseConfig({ ...hmac, pantherSecretValue: 'clé-€-secrète' } as never).pantherSecretValue?.reveal()).toBe('clé-€-secrète');
  });

  it('marks the token and the secret value secret and never shows them', () => {
    expect(secretPaths(schema).sort()).toEqual(['pantherBearerToken', 'pantherSecretValue']);
    for (const [input, value] of [
      [bearer, TOKEN],
      [shared, SHARED_SECRET],
      [hmac, HMAC_KEY],
    ] as const) {
      const c = parseConfig(input as never);
      for (const text of [JSON.stringify(c), inspect(c, { depth: 10 })]) expect(text).not.toContain(value);
    }
  });

  it('marks the URL as the destination and describes every field; URL and method are required', () => {
    expect(destinationPaths(schema)).toEqual(['pantherUrl']);
    const json = configJsonSchema(schema) as { properties: Record<string, { description?: string }>; required: string[] };
    expect(Object.keys(json.properties).sort()).toEqual([
      'pantherAuthMethod',
      'pantherBearerToken',
      'pantherCompression',
      'pantherContentFormat',
      'pantherHeaderName',
      'pantherHmacAlgorithm',
      'pantherHmacEncoding',
      'pantherHmacPrefix',
      'pantherSecretValue',
      'pantherUrl',
    ]);
    for (const [name, prop] of Object.entries(json.properties)) expect(prop.description, name).toMatch(/\w{3,}/);
    expect(json.required.sort()).toEqual(['pantherAuthMethod', 'pantherUrl']);
  });
});
