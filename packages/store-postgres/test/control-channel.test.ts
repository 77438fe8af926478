// The control channel (ADR 0020): stream writes announce themselves at commit to the other store instances, redrives split, reconnects resync.
import type { ControlEvent, NewStream, Store } from '@outflow/core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openPostgresStore } from '../src/index.js';
import { controlChannelOf } from '../src/control-channel.js';
import { PG_URL, dropSchemas, freshSchema, query, requirePostgres } from '../src/testing.js';

beforeAll(requirePostgres);
afterAll(dropSchemas);

let open: Store[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

async function twoStores(): Promise<{ a: Store; b: Store; schema: string; heardByA: ControlEvent[]; heardByB: ControlEvent[] }> {
  const schema = freshSchema('outflow_ctl');
  const a = await openPostgresStore({ url: PG_URL, schema, poolSize: 4 });
  const b = await openPostgresStore({ url: PG_URL, schema, poolSize: 4 });
  open.push(a, b);
  const heardByA: ControlEvent[] = [];
  const heardByB: ControlEvent[] = [];
  a.control?.subscribe((e) => heardByA.push(e));
  b.control?.subscribe((e) => heardByB.push(e));
  return { a, b, schema, heardByA, heardByB };
}

const stream = (id: string): NewStream => ({
  id,
  tenant: 'acme',
  name: id,
  type: 'http',
  status: 'active',
  sink: { httpEndpoint: 'https://example.invalid/hook' },
  filters: [],
  isPriority: false,
  managedBy: 'api',
});

describe('the PostgreSQL control channel', () => {
  it('announces create, update, status, replay and delete to the other store, never to the one that wrote', async () => {
    const { a, heardByA, heardByB } = await twoStores();
    await a.streams.create(stream('s1'), 0, 1000);
    await a.streams.update('s1', { name: 'renamed' }, 2000);
    await a.streams.setStatus('s1', 'paused', null, 3000);
    await a.streams.setCursor('s1', 0);
    await a.streams.delete('s1');
    await vi.waitFor(() => expect(heardByB).toHaveLength(5), { timeout: 5000 });
    expect(heardByB).toEqual([
      { op: 'created', streamId: 's1' },
      { op: 'changed', streamId: 's1' },
      { op: 'changed', streamId: 's1' },
      { op: 'changed', streamId: 's1' },
      { op: 'deleted', streamId: 's1' },
    ]);
    expect(heardByA).toEqual([]);
  });

  it('says nothing for a write that changed nothing or was rolled back', async () => {
    const { a, b, heardByB } = await twoStores();
    await a.streams.create(stream('s1'), 0, 1000);
    await expect(a.streams.create(stream('s1'), 0, 1000)).rejects.toThrow(/already exists/);
    expect(await a.streams.update('missing', { name: 'x' }, 2000)).toBeNull();
    expect(await a.streams.delete('missing')).toBe(false);
    expect(await a.streams.setCursor('missing', 0)).toBeNull();
    // A marker from the other direction shows every earlier notification has arrived (one connection, in order).
    await b.streams.create(stream('marker'), 0, 1000);
    await a.streams.delete('marker');
    await vi.waitFor(() => expect(heardByB.at(-1)).toEqual({ op: 'deleted', streamId: 'marker' }), { timeout: 5000 });
    expect(heardByB).toEqual([
      { op: 'created', streamId: 's1' },
      { op: 'deleted', streamId: 'marker' },
    ]);
  });

  it('splits a redrive naming many ids into messages under the NOTIFY limit, and passes one without ids whole', async () => {
    const { a, heardByB } = await twoStores();
    const ids = Array.from({ length: 1000 }, (_, i) => 1_000_000_000 + i);
    await a.control?.publish({ op: 'redrive', streamId: 's1', ids });
    await a.control?.publish({ op: 'redrive', streamId: 's2' });
    await vi.waitFor(() => expect(heardByB.at(-1)).toEqual({ op: 'redrive', streamId: 's2' }), { timeout: 5000 });
    const parts = heardByB.slice(0, -1);
    expect(parts.length).toBe(3);
    expect(parts.flatMap((p) => (p.op === 'redrive' && p.streamId === 's1' ? (p.ids ?? []) : []))).toEqual(ids);
  });

  it('ignores malformed payloads, and tells subscribers to resync after the LISTEN connection comes back', async () => {
    const { a, schema, heardByB } = await twoStores();
    await query('SELECT pg_notify($1, $2), pg_notify($1, $3)', [controlChannelOf(schema), 'not json', JSON.stringify({ o: 'x', op: 'explode', s: 's1' })]);
    const killed = await query<{ ok: boolean }>('SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE query = $1', [
      `LISTEN outflow_commits_${schema}`,
    ]);
    expect(killed.length).toBe(2);
    await vi.waitFor(() => expect(heardByB).toContainEqual({ op: 'resync' }), { timeout: 5000 });
    expect(heardByB.every((e) => e.op === 'resync')).toBe(true);
    // Listening again: a change after the reconnect is heard.
    await a.streams.create(stream('s3'), 0, 1000);
    await vi.waitFor(() => expect(heardByB).toContainEqual({ op: 'created', streamId: 's3' }), { timeout: 5000 });
  });
});
