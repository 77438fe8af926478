// Config schema: Auth0's mixpanel sink fields, regions and host override, the import URL, secrets and destination marks.
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { configJsonSchema, destinationPaths, secretPaths } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { importUrl, mixpanelConnector } from '../src/index.js';
import { parseConfig, PROJECT_ID, SECRET, USERNAME } from './fixtures.js';

const schema = mixpanelConnector.configSchema;
const valid = { mixpanelProjectId: PROJECT_ID, mixpanelServiceAccountUsername: USERNAME, mixpanelServiceAccountPassword: SECRET };
const messages = (input: unknown) => {
  const r = schema.safeParse(input);
  expect(r.success).toBe(false);
  return r.error ? r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n') : '';
};

describe('mixpanel config', () => {
  it('has the manifest the package.json declares and Mixpanel-sized limits', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; outflowConnector: unknown };
    expect(pkg.name).toBe('@outflow/connector-mixpanel');
    expect(pkg.outflowConnector).toEqual({ type: 'mixpanel', apiVersion: 1, export: 'mixpanelConnector' });
    expect(mixpanelConnector.type).toBe('mixpanel');
    expect(mixpanelConnector.limits).toEqual({ maxEvents: 2000, maxBytes: 5_000_000, maxEventBytes: 1_000_000 });
  });

  it("takes Auth0's four fields and defaults to the US region", () => {
    const c = parseConfig(valid);
    expect(c).toMatchObject({ mixpanelRegion: 'us', mixpanelProjectId: PROJECT_ID, mixpanelServiceAccountUsername: USERNAME });
    expect(c.mixpanelServiceAccountPassword.reveal()).toBe(SECRET);
    expect(importUrl(c)).toBe(`https://api.mixpanel.com/import?strict=1&project_id=${PROJECT_ID}`);
  });

  it('sends EU and India residency projects to their hosts, and honours a host override with a path prefix', () => {
    expect(importUrl(parseConfig({ ...valid, mixpanelRegion: 'eu' }))).toBe(`https://api-eu.mixpanel.com/import?strict=1&project_id=${PROJECT_ID}`);
    expect(importUrl(parseConfig({ ...valid, mixpanelRegion: 'in' }))).toBe(`https://api-in.mixpanel.com/import?strict=1&project_id=${PROJECT_ID}`);
    expect(importUrl(parseConfig({ ...valid, mixpanelRegion: 'eu', mixpanelHost: 'https://proxy.example/mp/' }))).toBe(
      `https://proxy.example/mp/import?strict=1&project_id=${PROJECT_ID}`,
    );
  });

  it('names the bad field', () => {
    expect(messages({})).toMatch(/^mixpanelProjectId:/m);
    expect(messages({ ...valid, mixpanelProjectId: '12a' })).toMatch(/^mixpanelProjectId: must be the numeric project ID$/m);
    expect(messages({ ...valid, mixpanelServiceAccountUsername: 'a:b' })).toMatch(/^mixpanelServiceAccountUsername: must not contain a colon$/m);
    expect(messages({ ...valid, mixpanelServiceAccountPassword: 'p:w' })).toMatch(/^mixpanelServiceAccountPassword: must not contain a colon$/m);
    expect(messages({ ...valid, mixpanelServiceAccountPassword: '' })).toMatch(/^mixpanelServiceAccountPassword:/m);
    expect(messages({ ...valid, mixpanelRegion: 'ap' })).toMatch(/^mixpanelRegion:/m);
    expect(messages({ ...valid, mixpanelHost: 'api.mixpanel.com' })).toMatch(/^mixpanelHost: must be an absolute https:\/\/ URL$/m);
    expect(messages({ ...valid, mixpanelHost: 'https://u:p@proxy.example' })).toMatch(/^mixpanelHost: must not contain credentials$/m);
    expect(messages({ ...valid, mixpanelHost: 'https://proxy.example/?project_id=1' })).toMatch(/^mixpanelHost: must not have a query or fragment$/m);
    expect(messages({ ...valid, mixpanelToken: 'x' })).toMatch(/"mixpanelToken"/);
  });

  it('marks the service account secret as a secret and hides it, without quoting a refused one', () => {
    expect(secretPaths(schema)).toEqual(['mixpanelServiceAccountPassword']);
    const c = parseConfig(valid);
    expect(JSON.stringify(c)).not.toContain(SECRET);
    expect(inspect(c, { depth: 10 })).not.toContain(SECRET);
    const r = schema.safeParse({ ...valid, mixpanelServiceAccountPassword: 's3cret:x' });
    expect(JSON.stringify(r.error?.issues)).not.toContain('s3cret');
  });

  it('marks the fields that pick the destination: region, project and host', () => {
    expect(destinationPaths(schema).sort()).toEqual(['mixpanelHost', 'mixpanelProjectId', 'mixpanelRegion']);
  });

  it('describes every field for docs and forms', () => {
    const json = configJsonSchema(schema) as { properties: Record<string, { description?: string }>; required: string[] };
    expect(Object.keys(json.properties).sort()).toEqual([
      'mixpanelHost',
      'mixpanelProjectId',
      'mixpanelRegion',
      'mixpanelServiceAccountPassword',
      'mixpanelServiceAccountUsername',
    ]);
    for (const [field, prop] of Object.entries(json.properties)) expect(prop.description, field).toMatch(/\w{3,}/);
    expect(json.required.sort()).toEqual(['mixpanelProjectId', 'mixpanelServiceAccountPassword', 'mixpanelServiceAccountUsername']);
  });
});
