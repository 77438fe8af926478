// A sink field its connector removed (the webhook's httpTimeoutMs): streams that still carry it load and deliver; the API neither shows nor stores it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { baseConfig, startTestApp, TOKEN, type TestApp } from './support/app.js';
import { ingest, makeEvent } from './support/events.js';
import { startReceiver, type Receiver } from './support/receiver.js';

let app: TestApp | undefined;
const receivers: Receiver[] = [];
afterEach(async () => {
  await app?.stop();
  for (const rx of receivers.splice(0)) await rx.close();
  app = undefined;
});

type View = { id: string; name: string; sink: Record<string, unknown> };
const receiver = async () => {
  const rx = await startReceiver();
  receivers.push(rx);
  return rx;
};
async function delivers(rx: Receiver): Promise<void> {
  const event = makeEvent();
  expect((await ingest(app!.url, TOKEN, [event])).status).toBe(202);
  await rx.waitFor(() => rx.ids().includes(event.log_id as string));
}
const get = async (path: string) => (await (await app!.api(path)).json()) as unknown;

describe('a removed sink field (httpTimeoutMs)', () => {
  it('a config-file stream carrying it starts, delivers, and is listed without it', async () => {
    const rx = await receiver();
    app = await startTestApp(
      baseConfig(`  - { name: old-config, type: http, tenant: acme, sink: { httpEndpoint: "${rx.url}/config", httpTimeoutMs: 5000 } }\n`),
    );
    await delivers(rx);
    const listed = (await get('/api/v2/log-streams')) as View[];
    expect(listed.find((s) => s.name === 'old-config')?.sink).toEqual({ httpEndpoint: `${rx.url}/config` });
  });

  it('a stored stream carrying it loads at start and delivers; GET leaves it out; the next patch stores the sink without it', async () => {
    const rx = await receiver();
    const dir = mkdtempSync(join(tmpdir(), 'outflow-removed-field-'));
    const before = await startTestApp(baseConfig(''), undefined, dir);
    const stored = await before.store.streams.create(
      {
        id: 'lst_0123456789abcdef',
        tenant: 'acme',
        name: 'old-api',
        type: 'http',
        status: 'active',
        sink: { httpEndpoint: `${rx.url}/api`, httpTimeoutMs: 300 },
        filters: [],
        isPriority: false,
        managedBy: 'api',
      },
      0,
      Date.now(),
    );
    await before.close(2000);

    app = await startTestApp(baseConfig(''), undefined, dir);
    await delivers(rx);
    expect(rx.accepted.every((r) => r.path === '/api')).toBe(true);
    expect(((await get(`/api/v2/log-streams/${stored.id}`)) as View).sink).toEqual({ httpEndpoint: `${rx.url}/api` });
    expect((await app.store.streams.get(stored.id))?.sink).toEqual({ httpEndpoint: `${rx.url}/api`, httpTimeoutMs: 300 });

    const patched = await app.api(`/api/v2/log-streams/${stored.id}`, { method: 'PATCH', body: JSON.stringify({ sink: { httpContentFormat: 'JSONARRAY' } }) });
    expect(patched.status).toBe(200);
    expect((await app.store.streams.get(stored.id))?.sink).toEqual({ httpEndpoint: `${rx.url}/api`, httpContentFormat: 'JSONARRAY' });
    await delivers(rx);
  });

  it('a create that still sends it succeeds; the stream is stored and shown without it', async () => {
    const rx = await receiver();
    app = await startTestApp(baseConfig(''));
    const res = await app.api('/api/v2/log-streams', {
      method: 'POST',
      body: JSON.stringify({ name: 'new', type: 'http', sink: { httpEndpoint: `${rx.url}/new`, httpTimeoutMs: 15000 } }),
    });
    expect(res.status).toBe(200);
    const created = (await res.json()) as View;
    expect(created.sink).toEqual({ httpEndpoint: `${rx.url}/new` });
    expect((await app.store.streams.get(created.id))?.sink).toEqual({ httpEndpoint: `${rx.url}/new` });
    await delivers(rx);
  });
});
