// SSRF through other spellings of private addresses (issue 11): IPv6-mapped literals refused at create, patch, preview
// and test for every HTTP sink type, and names resolving to a mapped loopback address never delivered to.
import { lookup as systemLookup } from 'node:dns';
import type { DnsLookup } from '@outflow/core';
import { afterEach, describe, expect, it } from 'vitest';
import { Tokens } from '../src/index.js';
import { baseConfig, startTestApp, TOKEN, type TestApp } from './support/app.js';
import { ingest, makeEvent } from './support/events.js';
import { startReceiver, type Receiver } from './support/receiver.js';

let app: TestApp | undefined;
let rx: Receiver | undefined;
afterEach(async () => {
  await app?.stop();
  await rx?.close();
  app = undefined;
  rx = undefined;
});

const strict = (yaml: string) =>
  yaml.replace('egress: { allowHttp: true, allowPrivateNetworks: true }', 'egress: { allowHttp: true, allowPrivateNetworks: false }');

/** Each HTTP sink type with the field that holds its destination URL and the rest of a valid sink. */
const sinkTypes = [
  { type: 'http', field: 'httpEndpoint', rest: {}, url: (base: string) => `${base}/hook` },
  { type: 'splunk', field: 'splunkDomain', rest: { splunkToken: 'splunk-token-0001' }, url: (base: string) => base },
  { type: 'datadog', field: 'datadogEndpoint', rest: { datadogApiKey: 'dd-key-0001' }, url: (base: string) => base },
  { type: 'segment', field: 'segmentHost', rest: { segmentWriteKey: 'segment-key-0001' }, url: (base: string) => base },
  { type: 'sumo', field: 'sumoSourceAddress', rest: {}, url: (base: string) => `${base}/receiver/v1/http/ZaVnC4dhaV3egressTest0123456789` },
  { type: 'sumo', field: 'sumoEndpoint', rest: { sumoToken: 'sumo-token-0001' }, url: (base: string) => `${base}/receiver/v1/http` },
  {
    type: 'panther',
    field: 'pantherUrl',
    rest: { pantherAuthMethod: 'bearer', pantherBearerToken: 'panther-token-0001' },
    url: (base: string) => `${base}/http/source`,
  },
  { type: 'logzio', field: 'logzioEndpoint', rest: { logzioToken: 'logzioShippingToken0001' }, url: (base: string) => base },
  { type: 'pangea', field: 'pangeaBaseUrl', rest: { pangeaToken: 'pts_pangea0token0001' }, url: (base: string) => base },
  {
    type: 'mixpanel',
    field: 'mixpanelHost',
    rest: { mixpanelProjectId: '42', mixpanelServiceAccountUsername: 'sa-user', mixpanelServiceAccountPassword: 'mixpanel-secret-0001' },
    url: (base: string) => base,
  },
  {
    type: 'eventbridge',
    field: 'awsEndpoint',
    rest: { awsRegion: 'us-east-1', eventBusName: 'auth0-logs', awsAccessKeyId: 'AKIAOUTFLOWTEST00001', awsSecretAccessKey: 'eventbridge-secret-0001' },
    url: (base: string) => base,
  },
];

const mappedForms = ['http://[::ffff:127.0.0.1]:9999', 'https://[0:0:0:0:0:ffff:7f00:1]', 'https://[::ffff:169.254.169.254]'];

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function expectRefused(res: Response, path: string): Promise<void> {
  const body = (await res.json()) as { statusCode: number; errorCode: string; message: string; errors?: Array<{ path: string; message: string }> };
  expect(res.status, JSON.stringify(body)).toBe(400);
  expect(body).toMatchObject({ statusCode: 400, errorCode: 'invalid_body' });
  expect(body.message).toContain(path);
  expect(body.errors?.find((e) => e.path === path)?.message).toMatch(/private, loopback or link-local address/);
}

describe('egress: IPv6 forms of private addresses (SSRF)', () => {
  it.each(sinkTypes)(
    'refuses the mapped forms for $type sinks at create, patch and preview (400 naming sink.$field)',
    async ({ type, field, rest, url }) => {
      app = await startTestApp(strict(baseConfig('')));
      const sinkFor = (base: string) => ({ ...rest, [field]: url(base) });
      const ok = await app.api('/api/v2/log-streams', {
        method: 'POST',
        body: JSON.stringify({ name: `${type}-public`, type, sink: sinkFor('https://logs.example.com') }),
      });
      expect(ok.status, await ok.clone().text()).toBe(200);
      const { id } = (await ok.json()) as { id: string };
      for (const base of mappedForms) {
        const sink = sinkFor(base);
        await expectRefused(
          await app.api('/api/v2/log-streams', { method: 'POST', body: JSON.stringify({ name: `${type}-mapped`, type, sink }) }),
          `sink.${field}`,
        );
        await expectRefused(await app.api(`/api/v2/log-streams/${id}`, { method: 'PATCH', body: JSON.stringify({ sink }) }), `sink.${field}`);
        await expectRefused(await app.api('/api/v2/log-streams/preview', { method: 'POST', body: JSON.stringify({ type, sink }) }), `sink.${field}`);
      }
      expect((await app.store.streams.get(id))?.sink[field]).toBe(url('https://logs.example.com'));
      expect(((await (await app.api('/api/v2/log-streams')).json()) as unknown[]).length).toBe(1);
    },
    60_000,
  );

  it('refuses the mapped forms in config-file streams at start, naming each stream field', async () => {
    const streams = mappedForms.map((base, i) => `  - { name: cfg-${i}, type: http, tenant: acme, sink: { httpEndpoint: "${base}/hook" } }\n`).join('');
    const started = startTestApp(strict(baseConfig(streams)));
    await expect(started).rejects.toThrow(/streams\[0\]\.sink\.httpEndpoint: .*private, loopback or link-local/);
    await expect(started).rejects.toThrow(/streams\[1\]\.sink\.httpEndpoint[\s\S]*streams\[2\]\.sink\.httpEndpoint/);
  }, 60_000);

  it('refuses the test send of a stream stored with a mapped loopback address before the fix; nothing reaches the receiver', async () => {
    rx = await startReceiver();
    const port = new URL(rx.url).port;
    app = await startTestApp(strict(baseConfig('')));
    const created = await app.api('/api/v2/log-streams', {
      method: 'POST',
      body: JSON.stringify({ name: 'old', type: 'http', sink: { httpEndpoint: 'https://logs.example.com/hook' } }),
    });
    const { id } = (await created.json()) as { id: string };
    // As an older release let it in: written to the store past the API's check.
    await app.store.streams.update(id, { sink: { httpEndpoint: `http://[::ffff:127.0.0.1]:${port}/hook` } }, Date.now());
    const tested = (await (await app.api(`/api/v2/log-streams/${id}/test`, { method: 'POST', body: '{}' })).json()) as {
      ok: boolean;
      kind: string;
      message: string;
    };
    expect(tested).toMatchObject({ ok: false, kind: 'config' });
    expect(tested.message).toMatch(/private, loopback or link-local address \(loopback: 127\.0\.0\.1 inside ipv4Mapped\)/);
    expect(rx.requests).toHaveLength(0);
  }, 60_000);

  it('never delivers to the loopback receiver when the stream host resolves to a mapped loopback address', async () => {
    rx = await startReceiver();
    const port = new URL(rx.url).port;
    // The name passes the create check; DNS answers the IPv4-mapped loopback address in its hex form.
    const dnsLookup: DnsLookup = (hostname, options, callback) =>
      hostname === 'mapped.outflow.test' ? callback(null, [{ address: '::ffff:7f00:1', family: 6 }]) : systemLookup(hostname, options, callback);
    app = await startTestApp(strict(baseConfig('')), undefined, undefined, { configure: (c) => c.register(Tokens.DnsLookup, { useValue: dnsLookup }) });
    const created = await app.api('/api/v2/log-streams', {
      method: 'POST',
      body: JSON.stringify({ name: 'mapped', type: 'http', sink: { httpEndpoint: `http://mapped.outflow.test:${port}/hook` } }),
    });
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: string };
    const tested = (await (await app.api(`/api/v2/log-streams/${id}/test`, { method: 'POST', body: '{}' })).json()) as { ok: boolean; message: string };
    expect(tested.ok).toBe(false);
    expect(tested.message).toMatch(/private address ::ffff:7f00:1/);
    expect(
      (
        await ingest(
          app.url,
          TOKEN,
          Array.from({ length: 5 }, () => makeEvent()),
        )
      ).status,
    ).toBe(202);
    await until(async () => (await app!.store.health.list(id)).some((r) => r.kind === 'delivery_failed'), 'a failed delivery round');
    const [failure] = (await app.store.health.list(id)).filter((r) => r.kind === 'delivery_failed');
    expect(failure?.message).toMatch(/private address ::ffff:7f00:1/);
    expect(rx.requests).toHaveLength(0);
  }, 60_000);
});
