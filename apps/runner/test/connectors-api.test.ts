// GET /api/v2/connectors: the installed types with their config JSON schema, for the dashboard's forms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseConfig, startTestApp, type TestApp } from './support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp(baseConfig('').replace('tokens:\n', 'tokens:\n  - { token: ingest-only-token, tenant: acme, scopes: [ingest:logs] }\n'));
});
afterAll(async () => app?.stop());

interface ConnectorInfo {
  type: string;
  displayName: string;
  limits: { maxEvents: number };
  schema: { properties: Record<string, Record<string, unknown>>; required?: string[] };
}

describe('GET /api/v2/connectors', () => {
  it('lists every installed type with its display name, limits and input schema, secrets marked', async () => {
    const res = await app.api('/api/v2/connectors');
    expect(res.status).toBe(200);
    const list = (await res.json()) as ConnectorInfo[];
    expect(list.map((c) => c.type)).toEqual(app.registry.types());
    const http = list.find((c) => c.type === 'http') as ConnectorInfo;
    expect(http.displayName).toBe('Custom Webhook');
    expect(http.limits.maxEvents).toBeGreaterThan(0);
    expect(http.schema.required).toContain('httpEndpoint');
    expect(http.schema.properties.httpContentFormat).toMatchObject({ default: 'JSONLINES', enum: ['JSONARRAY', 'JSONLINES', 'JSONOBJECT'] });
    expect(http.schema.properties.httpAuthorization).toMatchObject({ secret: true, writeOnly: true });
    expect(http.schema.properties.httpEndpoint?.description).toMatch(/Payload URL/);
  });

  it('marks operator-only fields (kept out of API streams) and destination fields (changing them needs the secrets again)', async () => {
    const list = (await (await app.api('/api/v2/connectors')).json()) as ConnectorInfo[];
    const byType = (type: string) => list.find((c) => c.type === type)?.schema.properties ?? {};
    const fileBranch = (byType('console').target?.anyOf as Array<{ properties?: Record<string, Record<string, unknown>> }>).find((b) => b.properties?.file);
    expect(fileBranch?.properties?.file).toMatchObject({ operatorOnly: true, operatorOnlyReason: "it writes files on the runner's machine" });
    expect(byType('eventbridge').awsDefaultCredentials).toMatchObject({ operatorOnly: true });
    expect(byType('http').httpEndpoint).toMatchObject({ destination: true });
    expect(byType('http').httpContentFormat?.destination).toBeUndefined();
    expect(byType('http')).not.toHaveProperty('httpTimeoutMs');
    expect(byType('datadog').datadogRegion).toMatchObject({ destination: true });
  });

  it('names the PII fields a destination needs unmasked (Verosint: email and username), and none for others', async () => {
    const list = (await (await app.api('/api/v2/connectors')).json()) as Array<ConnectorInfo & { needsUnmasked?: { fields: string[]; reason: string } }>;
    const verosint = list.find((c) => c.type === 'verosint');
    expect(verosint?.needsUnmasked?.fields).toEqual(['email', 'username']);
    expect(verosint?.needsUnmasked?.reason).toMatch(/Verosint links sign-ins to people/);
    expect(verosint?.schema.properties.verosintEndpoint).toMatchObject({ default: 'https://api.verosint.com/v1/signalprint/logs', destination: true });
    expect(verosint?.schema.properties.verosintApiKey).toMatchObject({ secret: true });
    expect(list.find((c) => c.type === 'http')).not.toHaveProperty('needsUnmasked');
  });

  it('needs a token with the read scope', async () => {
    expect((await fetch(`${app.url}/api/v2/connectors`)).status).toBe(401);
    const res = await app.api('/api/v2/connectors', { token: 'ingest-only-token' });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { message: string }).message).toContain('read:log_streams');
  });
});
