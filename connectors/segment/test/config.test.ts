// Config schema: the write key as a secret, regions and host override, the batch URL, unknown fields refused.
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { configJsonSchema, destinationPaths, secretPaths } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { batchUrl, segmentConnector } from '../src/index.js';
import { parseConfig, WRITE_KEY } from './fixtures.js';

const schema = segmentConnector.configSchema;
const messages = (input: unknown) => {
  const r = schema.safeParse(input);
  expect(r.success).toBe(false);
  return r.error ? r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n') : '';
};

describe('segment config', () => {
  it('has the manifest the package.json declares and Segment-sized limits', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; outflowConnector: unknown };
    expect(pkg.name).toBe('@outflow/connector-segment');
    expect(pkg.outflowConnector).toEqual({ type: 'segment', apiVersion: 1, export: 'segmentConnector' });
    expect(segmentConnector.limits).toEqual({ maxEvents: 100, maxBytes: 400 * 1024, maxEventBytes: 30 * 1024 });
  });

  it("takes Auth0's segmentWriteKey and defaults to the US region", () => {
    const c = parseConfig({ segmentWriteKey: WRITE_KEY });
    expect(c.segmentWriteKey.reveal()).toBe(WRITE_KEY);
    expect(c).toMatchObject({ segmentRegion: 'us' });
    expect(batchUrl(c)).toBe('https://api.segment.io/v1/batch');
  });

  it('sends EU workspaces to the EU endpoint and honours a host override with a path prefix', () => {
    expect(batchUrl(parseConfig({ segmentWriteKey: 'k', segmentRegion: 'eu' }))).toBe('https://events.eu1.segmentapis.com/v1/batch');
    expect(batchUrl(parseConfig({ segmentWriteKey: 'k', segmentRegion: 'eu', segmentHost: 'https://proxy.example/segment/' }))).toBe(
      'https://proxy.example/segment/v1/batch',
    );
  });

  it('names the bad field', () => {
    expect(messages({})).toMatch(/^segmentWriteKey:/m);
    expect(messages({ segmentWriteKey: '' })).toMatch(/^segmentWriteKey: must not be empty$/m);
    expect(messages({ segmentWriteKey: 'k', segmentRegion: 'ap' })).toMatch(/^segmentRegion:/m);
    expect(messages({ segmentWriteKey: 'k', segmentHost: 'api.segment.io' })).toMatch(/^segmentHost: must be an absolute https:\/\/ URL$/m);
    expect(messages({ segmentWriteKey: 'k', segmentHost: 'https://proxy.example/?key=1' })).toMatch(
      /^segmentHost: must not contain credentials or a query string$/m,
    );
    expect(messages({ segmentWriteKey: 'k', writeKey: 'k' })).toMatch(/"writeKey"/);
  });

  it('still loads a stored config with the deprecated segmentTimeoutMs and drops the value', () => {
    const c = parseConfig({ segmentWriteKey: WRITE_KEY, segmentTimeoutMs: 15_000 } as Parameters<typeof parseConfig>[0]);
    expect(c).not.toHaveProperty('segmentTimeoutMs');
    expect(JSON.stringify(c)).not.toContain('15000');
    // Gone from the JSON schema, so docs and the dashboard's form no longer offer it.
    expect(Object.keys((configJsonSchema(schema) as { properties: object }).properties)).not.toContain('segmentTimeoutMs');
  });

  it('marks the write key as a secret and hides it', () => {
    expect(secretPaths(schema)).toEqual(['segmentWriteKey']);
    const c = parseConfig({ segmentWriteKey: WRITE_KEY });
    expect(JSON.stringify(c)).not.toContain(WRITE_KEY);
    expect(inspect(c, { depth: 10 })).not.toContain(WRITE_KEY);
  });

  it('describes every field for docs and forms', () => {
    const json = configJsonSchema(schema) as { properties: Record<string, { description?: string }>; required: string[] };
    expect(Object.keys(json.properties).sort()).toEqual(['segmentHost', 'segmentRegion', 'segmentWriteKey']);
    for (const [field, prop] of Object.entries(json.properties)) expect(prop.description, field).toMatch(/\w{3,}/);
    expect(json.required).toEqual(['segmentWriteKey']);
  });
});

describe('segment config in the contract', () => {
  it('marks the fields that pick the destination', () => {
    expect(destinationPaths(segmentConnector.configSchema).sort()).toEqual(['segmentHost', 'segmentRegion']);
  });

  it('refuses a segmentWriteKey that could never be sent in a header, without quoting it', () => {
    for (const BAD of ['xoxb-s3cret\r\nX-Evil: 1', 'xoxb-s3cret\0', 'xoxb-s3cret€']) {
      const r = segmentConnector.configSchema.safeParse({ segmentWriteKey: BAD });
      expect(r.success).toBe(false);
      const issue = r.error?.issues.find((i) => i.path[0] === 'segmentWriteKey');
      expect(issue?.message).toMatch(/^must not contain /);
      expect(JSON.stringify(r.error?.issues)).not.toContain('s3cret');
    }
  });
});
