// Config: defaults, the logs URL, header rules, secret header values (one secret field, masked whole by the API).
import { inspect } from 'node:util';
import { collectSecrets, configJsonSchema, destinationPaths, maskAtPaths, secretPaths } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { logsUrl, otlpConfigSchema } from '../src/index.js';
import { API_KEY, parseConfig } from './fixtures.js';

const issues = (input: unknown) => {
  const r = otlpConfigSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('config', () => {
  it('has OTLP defaults: protobuf, gzip, service auth0, kvlist body, no headers', () => {
    const c = parseConfig({ endpoint: 'https://otlp.example.com' });
    expect(c).toMatchObject({ encoding: 'protobuf', compression: 'gzip', serviceName: 'auth0', body: 'kvlist', headers: {}, resourceAttributes: {} });
  });

  it('header values are secrets: hidden from JSON and inspect, revealed only on demand, collected for redaction', () => {
    const c = parseConfig({ endpoint: 'https://otlp.example.com', headers: { 'api-key': API_KEY, 'X-Scope-OrgID': 'tenant-1' } });
    expect(JSON.stringify(c)).not.toContain(API_KEY);
    expect(inspect(c, { depth: 10 })).not.toContain(API_KEY);
    expect(c.headers['api-key']?.reveal()).toBe(API_KEY);
    expect(collectSecrets(c)).toEqual([API_KEY, 'tenant-1']);
  });

  it('marks the headers field secret as a whole, so the API masks it and asks for it again when the endpoint changes', () => {
    expect(secretPaths(otlpConfigSchema)).toEqual(['headers']);
    expect(destinationPaths(otlpConfigSchema)).toEqual(['endpoint']);
    const raw = { endpoint: 'https://otlp.example.com', headers: { 'api-key': API_KEY } };
    expect(maskAtPaths(raw, secretPaths(otlpConfigSchema))).toEqual({ endpoint: 'https://otlp.example.com', headers: '[REDACTED]' });
  });

  it("takes headers as the OTEL_EXPORTER_OTLP_HEADERS text too (what the dashboard's secret field sends)", () => {
    const c = parseConfig({ endpoint: 'https://otlp.example.com', headers: ` api-key=${API_KEY} , X-Scope-OrgID=tenant%201,` });
    expect(Object.fromEntries(Object.entries(c.headers).map(([k, v]) => [k, v.reveal()]))).toEqual({ 'api-key': API_KEY, 'X-Scope-OrgID': 'tenant 1' });
    expect(issues({ endpoint: 'https://otlp.example.com', headers: `api-key=${API_KEY},${API_KEY}` })).toEqual(['headers: pair 2 must be name=value']);
    expect(issues({ endpoint: 'https://otlp.example.com', headers: 'a=%E0%A4%A' })).toEqual(['headers: the value of pair 1 is not valid percent-encoding']);
    expect(issues({ endpoint: 'https://otlp.example.com', headers: 'Host=evil.example' })).toEqual([
      'headers.Host: Host is set by the connector and cannot be configured',
    ]);
    const json = configJsonSchema(otlpConfigSchema) as { properties: { headers: { type: string; secret: boolean } } };
    expect(json.properties.headers).toMatchObject({ type: 'object', secret: true });
  });

  it('refuses headers the connector sets, unsendable values and bad names', () => {
    const base = { endpoint: 'https://otlp.example.com' };
    expect(issues({ ...base, headers: { 'content-encoding': 'br' } })).toEqual([
      'headers.content-encoding: content-encoding is set by the connector and cannot be configured',
    ]);
    expect(issues({ ...base, headers: { 'User-Agent': 'x' } })[0]).toMatch(/^headers\.User-Agent: /);
    expect(issues({ ...base, headers: { 'api-key': 'a\r\nX-Injected: 1' } })[0]).toMatch(/^headers\.api-key: must not contain a carriage return/);
    expect(issues({ ...base, headers: { 'bad name': 'x' } })[0]).toMatch(/^headers\.bad name: /);
    expect(issues({ ...base, headers: Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`x-h${i}`, 'v'])) })).toEqual(['headers: at most 32 headers']);
  });

  it('refuses endpoints with credentials, fragments or other schemes', () => {
    expect(issues({ endpoint: 'https://u:p@otlp.example.com' })[0]).toMatch(/^endpoint: must not contain credentials/);
    expect(issues({ endpoint: 'https://otlp.example.com/#x' })[0]).toMatch(/^endpoint: must not have a fragment/);
    expect(issues({ endpoint: 'grpc://otlp.example.com:4317' })[0]).toMatch(/^endpoint: /);
    expect(issues({ endpoint: 'https://otlp.example.com', serviceName: '' })[0]).toMatch(/^serviceName: /);
    expect(issues({ endpoint: 'https://otlp.example.com', resourceAttributes: { env: 'a\nb' } })[0]).toMatch(/^resourceAttributes\.env: /);
  });
});

describe('logsUrl', () => {
  it.each([
    ['http://collector:4318', 'http://collector:4318/v1/logs'],
    ['http://collector:4318/', 'http://collector:4318/v1/logs'],
    ['https://otlp-gateway-prod-eu-west-2.grafana.net/otlp', 'https://otlp-gateway-prod-eu-west-2.grafana.net/otlp/v1/logs'],
    ['https://abc12345.live.dynatrace.com/api/v2/otlp/', 'https://abc12345.live.dynatrace.com/api/v2/otlp/v1/logs'],
    ['https://otlp.example.com/v1/logs', 'https://otlp.example.com/v1/logs'],
    ['https://otlp.example.com/custom/v1/logs?tenant=a', 'https://otlp.example.com/custom/v1/logs?tenant=a'],
  ])('%s → %s', (endpoint, url) => {
    expect(logsUrl(endpoint)).toBe(url);
  });
});
