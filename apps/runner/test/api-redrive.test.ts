// Redrive: dead letters sent again through the worker's rounds; accepted ones leave the queue, refused ones stay with the new error.
import { afterEach, describe, expect, it } from 'vitest';
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

interface Letter {
  id: number;
  log_id: string;
  status?: number;
  message: string;
}

const hook = (url: string) => `  - { name: hook, type: http, tenant: acme, sink: { httpEndpoint: "${url}/hook" } }\n`;

async function until<T>(get: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`Timed out; last value: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 30));
  }
}

async function setup(refuse: (body: string) => number | undefined): Promise<{ a: TestApp; id: string; letters: () => Promise<Letter[]> }> {
  rx = await startReceiver();
  rx.script((r) => {
    const status = refuse(r.body);
    return status ? { status } : undefined;
  });
  const a = await startTestApp(baseConfig(hook(rx.url)));
  app = a;
  const [stream] = (await (await a.api('/api/v2/log-streams')).json()) as Array<{ id: string }>;
  const id = stream?.id as string;
  return { a, id, letters: async () => (await (await a.api(`/api/v2/log-streams/${id}/dead-letters`)).json()) as Letter[] };
}

describe('POST /api/v2/log-streams/{id}/dead-letters/redrive', () => {
  it('delivers a dead letter once the destination accepts it, and empties the list', async () => {
    let refusing = true;
    let busy = 0;
    const { a, id, letters } = await setup((body) => {
      if (busy > 0) {
        busy--;
        return 503;
      }
      return refusing && body.includes('poison') ? 400 : undefined;
    });
    const events = Array.from({ length: 10 }, (_, i) => makeEvent(i === 4 ? { description: 'poison' } : {}));
    expect((await ingest(a.url, TOKEN, events)).status).toBe(202);
    const dead = await until(letters, (l) => l.length === 1);
    expect(dead[0]).toMatchObject({ log_id: events[4]?.log_id, status: 400 });
    await rx!.waitFor(() => rx!.uniqueIds().size === 9);
    expect(rx!.uniqueIds().has(events[4]?.log_id as string)).toBe(false);

    refusing = false;
    // The destination is briefly unavailable: the redrive retries within its round like any delivery.
    busy = 2;
    const res = await a.api(`/api/v2/log-streams/${id}/dead-letters/redrive`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ redriving: 1 });
    await until(letters, (l) => l.length === 0);
    expect(rx!.uniqueIds()).toEqual(new Set(events.map((e) => e.log_id)));
    // The worker removes the letter first, then counts the delivery and appends the `redriven` record.
    type Health = { delivered: number; deadLetters: number; records: Array<{ kind: string; count?: number }> };
    const health = await until(
      async () => (await (await a.api(`/api/v2/log-streams/${id}/health`)).json()) as Health,
      (h) => h.delivered === 10 && h.records.some((r) => r.kind === 'redriven'),
    );
    expect(health).toMatchObject({ delivered: 10, deadLetters: 0 });
    expect(health.records.find((r) => r.kind === 'redriven')).toMatchObject({ count: 1 });
    // The redriven event went out once more, exactly as it was dead-lettered.
    expect(rx!.accepted.filter((r) => r.body.includes('poison'))).toHaveLength(1);
    expect(busy).toBe(0);
  }, 30_000);

  it('keeps a letter refused again with the new error, and redrives only the ids asked for', async () => {
    let phase = 1;
    const { a, id, letters } = await setup((body) => {
      if (phase === 1) return body.includes('poison') ? 400 : undefined;
      return body.includes('poison-b') ? 422 : undefined;
    });
    const events = [makeEvent({ description: 'poison-a' }), makeEvent(), makeEvent({ description: 'poison-b' }), makeEvent({ description: 'poison-c' })];
    expect((await ingest(a.url, TOKEN, events)).status).toBe(202);
    const dead = await until(letters, (l) => l.length === 3);
    phase = 2;
    const [la, lb, lc] = dead;
    const res = await a.api(`/api/v2/log-streams/${id}/dead-letters/redrive`, { method: 'POST', body: JSON.stringify({ ids: [la?.id, lb?.id] }) });
    expect(await res.json()).toEqual({ redriving: 2 });
    const left = await until(letters, (l) => l.length === 2 && l.some((x) => x.status === 422));
    expect(left.map((l) => l.log_id).sort()).toEqual([lb?.log_id, lc?.log_id].sort());
    expect(left.find((l) => l.log_id === lb?.log_id)).toMatchObject({ status: 422 });
    expect(left.find((l) => l.log_id === lc?.log_id)).toMatchObject({ id: lc?.id, status: 400 });
    expect(rx!.uniqueIds().has(la?.log_id as string)).toBe(true);
    expect(rx!.uniqueIds().has(lc?.log_id as string)).toBe(false);
  }, 30_000);

  it('refuses a paused stream, unknown fields and another tenant', async () => {
    const { a, id } = await setup(() => undefined);
    await a.api(`/api/v2/log-streams/${id}`, { method: 'PATCH', body: JSON.stringify({ status: 'paused' }) });
    const paused = await a.api(`/api/v2/log-streams/${id}/dead-letters/redrive`, { method: 'POST', body: '{}' });
    expect(paused.status).toBe(409);
    expect(await paused.json()).toMatchObject({ statusCode: 409, errorCode: 'log_stream_not_active' });
    const bad = await a.api(`/api/v2/log-streams/${id}/dead-letters/redrive`, { method: 'POST', body: JSON.stringify({ id: [1] }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toContain('id');
    expect((await a.api(`/api/v2/log-streams/${id}/dead-letters/redrive`, { method: 'POST', body: '{}', token: 'tenant-b-token' })).status).toBe(404);
  });
});
