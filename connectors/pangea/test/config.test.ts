// Config schema: token, domain, config ID and base URL; defaults, errors named by path, the token kept hidden, destinations marked.
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { configJsonSchema, destinationPaths, secretPaths } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { auditBaseUrl, pangeaConnector } from '../src/index.js';
import { CONFIG_ID, parseConfig, TOKEN } from './fixtures.js';

const schema = pangeaConnector.configSchema;
const errors = (input: unknown) => {
  const r = schema.safeParse(input);
  expect(r.success).toBe(false);
  return r.error ? r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n') : '';
};
const ok = { pangeaToken: TOKEN };

describe('pangea config', () => {
  it('has the manifest the package.json declares and the documented limits', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; outflowConnector: unknown };
    expect(pkg.name).toBe('@outflow/connector-pangea');
    expect(pkg.outflowConnector).toEqual({ type: 'pangea', apiVersion: 1, export: 'pangeaConnector' });
    expect(pangeaConnector.type).toBe('pangea');
    expect(pangeaConnector.limits).toEqual({ maxEvents: 1000, maxBytes: 5_000_000, maxEventBytes: 32_766 });
  });

  it('defaults to the aws.us domain and no config ID: https://audit.aws.us.pangea.cloud', () => {
    const c = parseConfig(ok);
    expect(c).toMatchObject({ pangeaDomain: 'aws.us.pangea.cloud' });
    expect(c.pangeaConfigId).toBeUndefined();
    expect(auditBaseUrl(c)).toBe('https://audit.aws.us.pangea.cloud');
  });

  it('builds the service URL from the domain, lowercased, and lets the base URL override it', () => {
    expect(auditBaseUrl(parseConfig({ ...ok, pangeaDomain: ' GCP.EU.pangea.cloud ' }))).toBe('https://audit.gcp.eu.pangea.cloud');
    expect(auditBaseUrl(parseConfig({ ...ok, pangeaBaseUrl: 'https://proxy.internal:8443/pangea/' }))).toBe('https://proxy.internal:8443/pangea');
    expect(auditBaseUrl(parseConfig({ ...ok, pangeaDomain: 'aws.eu.pangea.cloud', pangeaBaseUrl: 'http://127.0.0.1:4030' }))).toBe('http://127.0.0.1:4030');
  });

  it('accepts a config ID', () => {
    expect(parseConfig({ ...ok, pangeaConfigId: CONFIG_ID }).pangeaConfigId).toBe(CONFIG_ID);
  });

  it('names the invalid field in each error', () => {
    expect(errors({})).toMatch(/^pangeaToken:/m);
    expect(errors({ pangeaToken: '' })).toMatch(/^pangeaToken: must not be empty/m);
    for (const domain of ['https://aws.us.pangea.cloud', 'audit.aws.us.pangea.cloud/v2', 'localhost', 'aws us.pangea.cloud'])
      expect(errors({ ...ok, pangeaDomain: domain })).toMatch(/^pangeaDomain: must be a domain like `aws.us.pangea.cloud`/m);
    expect(errors({ ...ok, pangeaConfigId: 'pci_ABC' })).toMatch(/^pangeaConfigId: must be a Secure Audit Log config ID/m);
    expect(errors({ ...ok, pangeaConfigId: 'pcf_abc' })).toMatch(/^pangeaConfigId:/m);
    expect(errors({ ...ok, pangeaBaseUrl: 'audit.aws.us.pangea.cloud' })).toMatch(/^pangeaBaseUrl: must be an absolute https:\/\/ URL/m);
    expect(errors({ ...ok, pangeaBaseUrl: 'https://u:p@proxy.internal' })).toMatch(/^pangeaBaseUrl: must not contain credentials/m);
    expect(errors({ ...ok, pangeaBaseUrl: 'https://proxy.internal/?token=x' })).toMatch(/^pangeaBaseUrl: must not have a query or fragment/m);
  });

  it('rejects unknown fields by name', () => {
    expect(errors({ ...ok, config_id: 'pci_x', domain: 'aws.us.pangea.cloud' })).toMatch(/"config_id", "domain"/);
  });

  it('marks the token secret and never shows it', () => {
    expect(secretPaths(schema)).toEqual(['pangeaToken']);
    const c = parseConfig(ok);
    for (const text of [JSON.stringify(c), inspect(c, { depth: 10 }), String(c.pangeaToken)]) expect(text).not.toContain(TOKEN);
    expect(c.pangeaToken.reveal()).toBe(TOKEN);
  });

  it('refuses a token that could never be sent in a header, without quoting it', () => {
    for (const BAD of ['pts_s3cret\r\nX-Evil: 1', 'pts_s3cret\0', 'pts_s3cret€']) {
      const r = schema.safeParse({ pangeaToken: BAD });
      expect(r.success).toBe(false);
      expect(r.error?.issues.find((i) => i.path[0] === 'pangeaToken')?.message).toMatch(/^must not contain /);
      expect(JSON.stringify(r.error?.issues)).not.toContain('s3cret');
    }
  });

  it('marks the domain and the base URL as destinations, and describes every field; only the token is required', () => {
    expect(destinationPaths(schema).sort()).toEqual(['pangeaBaseUrl', 'pangeaDomain']);
    const json = configJsonSchema(schema) as { properties: Record<string, { description?: string }>; required: string[] };
    expect(Object.keys(json.properties).sort()).toEqual(['pangeaBaseUrl', 'pangeaConfigId', 'pangeaDomain', 'pangeaToken']);
    for (const [name, prop] of Object.entries(json.properties)) expect(prop.description, name).toMatch(/\w{3,}/);
    expect(json.required).toEqual(['pangeaToken']);
  });
});
