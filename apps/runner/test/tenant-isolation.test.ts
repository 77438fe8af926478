// Tenant isolation end to end: one tenant's events, streams, health and dead letters never reach another tenant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseConfig, startTestApp, TOKEN, TOKEN_B, type TestApp } from './support/app.js';
import { ingest, makeEvent } from './support/events.js';
import { startReceiver, type Receiver } from './support/receiver.js';
import { readUntil } from './support/wait.js';

let app: TestApp;
let rx: Receiver;
beforeAll(async () => {
  rx = await startReceiver();
  // The acme destination refuses one poisoned event for good, so acme's stream gets a dead letter.
  rx.script((req) => (req.path === '/acme' && req.body.includes('poison') ? { status: 400 } : undefined));
  app = await startTestApp(baseConfig(''));
});
afterAll(async () => {
  await app?.stop();
  await rx?.close();
});

const idsAt = (path: string) => new Set(rx.accepted.filter((r) => r.path === path).flatMap((r) => r.envelopes.map((e) => e.log_id)));

async function create(token: string, name: string, path: string): Promise<string> {
  const res = await app.api('/api/v2/log-streams', {
    token,
    method: 'POST',
    body: JSON.stringify({ name, type: 'http', sink: { httpEndpoint: `${rx.url}${path}`, httpContentFormat: 'JSONLINES' } }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

describe('tenant isolation', () => {
  let acme: string;
  let globex: string;
  const acmeIds: string[] = [];
  const globexIds: string[] = [];

  it("delivers each tenant's events only to that tenant's streams", async () => {
    acme = await create(TOKEN, 'same name', '/acme');
    globex = await create(TOKEN_B, 'same name', '/globex');
    // globex's events go first: if any leaked into acme's stream, acme's receiver would get them before its own.
    const fromGlobex = Array.from({ length: 40 }, () => makeEvent({ user_name: 'someone@globex.example' }));
    expect((await ingest(app.url, TOKEN_B, fromGlobex)).status).toBe(202);
    globexIds.push(...fromGlobex.map((e) => e.log_id as string));
    await rx.waitFor(() => idsAt('/globex').size === 40);
    const fromAcme = Array.from({ length: 25 }, (_, i) => makeEvent({ user_name: i === 7 ? 'poison@acme.example' : 'someone@acme.example' }));
    expect((await ingest(app.url, TOKEN, fromAcme)).status).toBe(202);
    acmeIds.push(...fromAcme.map((e) => e.log_id as string));
    await rx.waitFor(() => idsAt('/acme').size === 24);
    // The dead letter is stored once the whole batch is resolved, after the receiver has the rest.
    const health = await readUntil(
      async () => (await (await app.api(`/api/v2/log-streams/${acme}/health`)).json()) as { deadLetters: number; lagEvents: number },
      (h) => h.deadLetters === 1 && h.lagEvents === 0,
    );
    expect(health).toMatchObject({ deadLetters: 1, lagEvents: 0 });
    expect(idsAt('/acme')).toEqual(new Set(acmeIds.filter((_, i) => i !== 7)));
    expect(idsAt('/globex')).toEqual(new Set(globexIds));
    for (const r of rx.requests.filter((q) => q.path === '/acme')) expect(r.body).not.toContain('globex');
  });

  it("lists only the caller's streams", async () => {
    const acmeList = (await (await app.api('/api/v2/log-streams')).json()) as Array<{ id: string }>;
    const globexList = (await (await app.api('/api/v2/log-streams', { token: TOKEN_B })).json()) as Array<{ id: string }>;
    expect(acmeList.map((s) => s.id)).toEqual([acme]);
    expect(globexList.map((s) => s.id)).toEqual([globex]);
  });

  it("hides one tenant's health and dead letters from the other", async () => {
    for (const path of [`/api/v2/log-streams/${acme}/health`, `/api/v2/log-streams/${acme}/dead-letters`, `/api/v2/log-streams/${acme}`]) {
      const res = await app.api(path, { token: TOKEN_B });
      expect(res.status).toBe(404);
      expect(JSON.stringify(await res.json())).not.toContain('poison');
    }
    const own = (await (await app.api(`/api/v2/log-streams/${acme}/dead-letters`)).json()) as Array<{ log_id: string }>;
    expect(own.map((l) => l.log_id)).toEqual([acmeIds[7]]);
    expect(await (await app.api(`/api/v2/log-streams/${globex}/dead-letters`, { token: TOKEN_B })).json()).toEqual([]);
    type Health = { lastSeq: number; lagEvents: number; delivered: number; records: Array<{ tenant: string }> };
    const globexHealth = await readUntil(
      async () => (await (await app.api(`/api/v2/log-streams/${globex}/health`, { token: TOKEN_B })).json()) as Health,
      (h) => h.delivered === 40 && h.lagEvents === 0,
    );
    expect(globexHealth.delivered).toBe(40);
    expect(globexHealth.lagEvents).toBe(0);
    expect(globexHealth.records.every((r) => r.tenant === 'globex')).toBe(true);
  });

  it("refuses changes to another tenant's stream and leaves it delivering", async () => {
    expect((await app.api(`/api/v2/log-streams/${acme}`, { token: TOKEN_B, method: 'PATCH', body: JSON.stringify({ status: 'paused' }) })).status).toBe(404);
    expect((await app.api(`/api/v2/log-streams/${acme}`, { token: TOKEN_B, method: 'DELETE' })).status).toBe(404);
    expect(
      (
        await app.api(`/api/v2/log-streams/${acme}/replay`, {
          token: TOKEN_B,
          method: 'POST',
          body: JSON.stringify({ from: new Date(Date.now() - 3_600_000).toISOString() }),
        })
      ).status,
    ).toBe(404);
    const more = [makeEvent()];
    expect((await ingest(app.url, TOKEN, more)).status).toBe(202);
    await rx.waitFor(() => idsAt('/acme').has(more[0]?.log_id as string));
    const view = (await (await app.api(`/api/v2/log-streams/${acme}`)).json()) as { status: string };
    expect(view.status).toBe('active');
  });
});
