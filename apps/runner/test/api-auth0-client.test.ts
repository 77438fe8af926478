// Auth0's own Management API client (npm `auth0`) manages Outflow's log streams when pointed at a running runner.
import { REDACTED } from '@outflow/core';
import { ManagementClient } from 'auth0';
import { afterEach, describe, expect, it } from 'vitest';
import { baseConfig, startTestApp, TOKEN, type TestApp } from './support/app.js';
import { startReceiver, type Receiver } from './support/receiver.js';

let app: TestApp | undefined;
let rx: Receiver | undefined;
afterEach(async () => {
  await app?.stop();
  await rx?.close();
  app = undefined;
  rx = undefined;
});

const DOMAIN = 'acme.example.auth0.com';

/** The client talks to https://{domain}/api/v2; its `fetch` option sends each request to the runner instead. */
function clientFor(runnerUrl: string, seen: string[]): ManagementClient {
  const redirect: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    expect(url.origin).toBe(`https://${DOMAIN}`);
    seen.push(`${init?.method ?? 'GET'} ${url.pathname}`);
    return fetch(`${runnerUrl}${url.pathname}${url.search}`, init);
  };
  return new ManagementClient({ domain: DOMAIN, token: TOKEN, fetch: redirect, maxRetries: 0 });
}

describe('the auth0 Management API client against Outflow', () => {
  it('lists, creates, gets, updates and deletes log streams', async () => {
    rx = await startReceiver();
    app = await startTestApp(baseConfig(`  - { name: from-config, type: http, tenant: acme, sink: { httpEndpoint: "${rx.url}/config" } }\n`));
    const seen: string[] = [];
    const client = clientFor(app.url, seen);

    const initial = await client.logStreams.list();
    expect(initial.map((s) => s.name)).toEqual(['from-config']);

    const created = await client.logStreams.create({
      name: 'sdk-hook',
      type: 'http',
      sink: { httpEndpoint: `${rx.url}/sdk`, httpContentType: 'application/json', httpContentFormat: 'JSONARRAY', httpAuthorization: 'Bearer sdk-secret-90af' },
      filters: [{ type: 'category', name: 'auth.login.success' }],
      pii_config: { log_fields: ['email', 'username'], method: 'hash', algorithm: 'xxhash' },
      isPriority: false,
      startFrom: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(created).toMatchObject({ name: 'sdk-hook', type: 'http', status: 'active' });
    const id = created.id as string;
    expect(id).toMatch(/^lst_/);
    expect(JSON.stringify(created)).not.toContain('sdk-secret');
    expect((created.sink as unknown as Record<string, unknown>).httpAuthorization).toBe(REDACTED);

    const got = await client.logStreams.get(id);
    expect(got).toMatchObject({
      id,
      name: 'sdk-hook',
      filters: [{ type: 'category', name: 'auth.login.success' }],
      pii_config: { log_fields: ['email', 'username'], method: 'hash', algorithm: 'xxhash' },
    });

    const updated = await client.logStreams.update(id, { status: 'paused', name: 'sdk-hook-renamed' });
    expect(updated).toMatchObject({ id, status: 'paused', name: 'sdk-hook-renamed' });
    const resumed = await client.logStreams.update(id, { status: 'active', sink: { httpEndpoint: `${rx.url}/sdk2` } });
    expect(resumed.status).toBe('active');
    // The stored secret survived an update that did not send it.
    expect((await app.store.streams.get(id))?.sink.httpAuthorization).toBe('Bearer sdk-secret-90af');

    expect((await client.logStreams.list()).map((s) => s.name).sort()).toEqual(['from-config', 'sdk-hook-renamed']);
    await client.logStreams.delete(id);
    expect((await client.logStreams.list()).map((s) => s.name)).toEqual(['from-config']);

    // Errors come back as the SDK's typed errors with Auth0's status codes.
    await expect(client.logStreams.get(id)).rejects.toMatchObject({ statusCode: 404 });
    await expect(client.logStreams.create({ type: 'http', sink: { httpEndpoint: 'ftp://nope' } } as never)).rejects.toMatchObject({ statusCode: 400 });
    expect(seen).toContain(`DELETE /api/v2/log-streams/${id}`);
  }, 30_000);
});
