// Config schema: Auth0 field names, defaults, refused fields and headers, secrets kept hidden.
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { configJsonSchema, destinationPaths, secretPaths } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { httpConnector } from '../src/index.js';
import { parseConfig } from './fixtures.js';

const schema = httpConnector.configSchema;
const messages = (input: unknown) => {
  const r = schema.safeParse(input);
  expect(r.success).toBe(false);
  return r.error ? r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n') : '';
};

describe('webhook config', () => {
  it('has the manifest the package.json declares', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; outflowConnector: unknown };
    expect(pkg.name).toBe('@outflow/connector-http');
    expect(pkg.outflowConnector).toEqual({ type: 'http', apiVersion: 1, export: 'httpConnector' });
    expect(httpConnector.type).toBe('http');
    expect(httpConnector.apiVersion).toBe(1);
    expect(httpConnector.limits).toEqual({ maxEvents: 1000, maxBytes: 4 * 1024 * 1024, maxEventBytes: 1024 * 1024 });
  });

  it('applies the defaults', () => {
    const c = parseConfig({ httpEndpoint: 'https://logs.example.com/in' });
    expect(c).toMatchObject({ httpContentFormat: 'JSONLINES', httpCustomHeaders: [], httpCompression: 'none' });
    expect(c).not.toHaveProperty('httpTimeoutMs');
    expect(c.httpContentType).toBeUndefined();
    expect(c.httpAuthorization).toBeUndefined();
  });

  it('requires httpEndpoint and an http(s) URL', () => {
    expect(messages({})).toMatch(/^httpEndpoint:/m);
    expect(messages({ httpEndpoint: 'ftp://example.com' })).toMatch(/^httpEndpoint: must be an absolute https:\/\/ URL/m);
    expect(messages({ httpEndpoint: 'https://user:pw@example.com' })).toMatch(/^httpEndpoint: must not contain credentials/m);
  });

  it('rejects unknown fields by name', () => {
    expect(messages({ httpEndpoint: 'https://x.example', http_endpoint: 'a', retries: 3 })).toMatch(/"http_endpoint", "retries"/);
  });

  it('rejects bad enum values', () => {
    expect(messages({ httpEndpoint: 'https://x.example', httpContentFormat: 'XML' })).toMatch(/^httpContentFormat:/m);
    expect(messages({ httpEndpoint: 'https://x.example', httpCompression: 'br' })).toMatch(/^httpCompression:/m);
  });

  it('still loads a config carrying the removed httpTimeoutMs, and drops it', () => {
    for (const httpTimeoutMs of [15_000, 10]) {
      const c = parseConfig({ httpEndpoint: 'https://x.example', httpTimeoutMs } as Parameters<typeof parseConfig>[0]);
      expect(c).not.toHaveProperty('httpTimeoutMs');
      expect(c.httpEndpoint).toBe('https://x.example');
    }
    expect(messages({ httpEndpoint: 'https://x.example', httpTimeoutMs: 5000, httpTimeout: 5000 })).toMatch(/"httpTimeout"/);
  });

  it('validates custom header names and values', () => {
    const bad = (header: string, value = 'v') => messages({ httpEndpoint: 'https://x.example', httpCustomHeaders: [{ header, value }] });
    expect(bad('Bad Header')).toMatch(/^httpCustomHeaders\.0\.header: must be an HTTP header name/m);
    expect(bad('X-Ok', 'a\r\nInjected: 1')).toMatch(/^httpCustomHeaders\.0\.value: must not contain a carriage return \(CR\)/m);
    expect(bad('X-Ok', 'price: 5€')).toMatch(/^httpCustomHeaders\.0\.value: must not contain the character U\+20AC, which is outside Latin-1/m);
    expect(bad('X-Ok', 'a\0b')).toMatch(/^httpCustomHeaders\.0\.value: must not contain a NUL character/m);
    expect(bad('Content-Length')).toMatch(/Content-Length is set by the HTTP client/);
    expect(bad('host')).toMatch(/host is set by the HTTP client/);
    expect(bad('Authorization')).toMatch(/must go in httpAuthorization/);
    expect(bad('Content-Type')).toMatch(/httpContentType/);
    expect(
      messages({
        httpEndpoint: 'https://x.example',
        httpCustomHeaders: [
          { header: 'X-A', value: '1' },
          { header: 'x-a', value: '2' },
        ],
      }),
    ).toMatch(/^httpCustomHeaders\.1\.header: x-a is listed twice/m);
    expect(parseConfig({ httpEndpoint: 'https://x.example', httpCustomHeaders: [{ header: 'X-Source', value: 'auth0' }] }).httpCustomHeaders).toEqual([
      { header: 'X-Source', value: 'auth0' },
    ]);
  });

  it('validates the signing secret without quoting it', () => {
    const text = messages({ httpEndpoint: 'https://x.example', httpSigningSecret: 'whsec_not*base64!' });
    expect(text).toMatch(/^httpSigningSecret: must be "whsec_" followed by base64/m);
    expect(text).not.toContain('not*base64');
    expect(parseConfig({ httpEndpoint: 'https://x.example', httpSigningSecret: 'plain-secret' }).httpSigningSecret?.reveal()).toBe('plain-secret');
  });

  it('marks the secret fields and hides their values', () => {
    expect(secretPaths(schema).sort()).toEqual(['httpAuthorization', 'httpSigningSecret']);
    const c = parseConfig({
      httpEndpoint: 'https://x.example',
      httpAuthorization: 'Bearer tok-AAAA1111',
      httpSigningSecret: 'whsec_c2lnbmluZy1zZWNyZXQtQkJCQjIyMjI=',
    });
    for (const text of [JSON.stringify(c), inspect(c, { depth: 10 }), String(c.httpAuthorization)]) {
      expect(text).not.toContain('tok-AAAA1111');
      expect(text).not.toContain('c2lnbmluZy1zZWNyZXQtQkJCQjIyMjI');
    }
    expect(c.httpAuthorization?.reveal()).toBe('Bearer tok-AAAA1111');
  });

  it('refuses an httpAuthorization that Node could never send, without quoting it', () => {
    const auth = (value: string) => messages({ httpEndpoint: 'https://x.example', httpAuthorization: value });
    expect(auth('Bearer tok-AAAA\r\nX-Evil: 1')).toMatch(/^httpAuthorization: must not contain a carriage return \(CR\)/m);
    expect(auth('Bearer tok-AAAA\0')).toMatch(/^httpAuthorization: must not contain a NUL character/m);
    expect(auth('Bearer tok-€AAAA')).toMatch(/^httpAuthorization: must not contain the character U\+20AC/m);
    expect(auth('Bearer tok-€AAAA')).not.toContain('tok-');
    expect(parseConfig({ httpEndpoint: 'https://x.example', httpAuthorization: 'Bearer café' }).httpAuthorization?.reveal()).toBe('Bearer café');
  });

  it('marks httpEndpoint as the destination', () => {
    expect(destinationPaths(schema)).toEqual(['httpEndpoint']);
  });

  it('describes every field for docs and forms', () => {
    const json = configJsonSchema(schema) as { properties: Record<string, { description?: string }>; required: string[] };
    const fields = Object.keys(json.properties);
    expect(fields.sort()).toEqual([
      'httpAuthorization',
      'httpCompression',
      'httpContentFormat',
      'httpContentType',
      'httpCustomHeaders',
      'httpEndpoint',
      'httpEnvelope',
      'httpSigningSecret',
    ]);
    for (const f of fields) expect(json.properties[f]?.description, f).toMatch(/\w{3,}/);
    expect(json.required).toEqual(['httpEndpoint']);
  });
});
