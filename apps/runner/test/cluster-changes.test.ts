// Stream changes made through a runner that does not own the stream reach the owner (control channel, then heartbeat): patch, pause, resume.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropSchemas, freshSchema, query, requirePostgres } from '@outflow/store-postgres/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN } from './support/app.js';
import { createCluster, runnerOf, type Cluster } from './support/cluster.js';
import { ingestMany } from './support/events.js';
import { startReceiver, type Receiver } from './support/receiver.js';
import { readUntil } from './support/wait.js';

const dir = mkdtempSync(join(tmpdir(), 'outflow-changes-'));
const schema = freshSchema('outflow_changes');
let rx: Receiver | undefined;
let cluster: Cluster | undefined;

beforeAll(requirePostgres);
afterAll(async () => {
  cluster?.killAll();
  await rx?.close();
  rmSync(dir, { recursive: true, force: true });
  await dropSchemas();
});

const api = (base: string, path: string, method = 'GET', body?: unknown) =>
  fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe('changes through another runner', () => {
  it('reach the owner of the stream: a patched sink, a pause and a resume', async () => {
    rx = await startReceiver();
    const c = (cluster = createCluster(dir, schema, rx.url, 0));
    const urls = new Map([
      ['r1', await c.start('r1')],
      ['r2', await c.start('r2')],
    ]);
    const create = async (name: string) => {
      const res = await api(urls.get('r1') as string, '/api/v2/log-streams', 'POST', {
        name,
        type: 'http',
        sink: { httpEndpoint: `${rx!.url}/${name}`, httpContentFormat: 'JSONLINES' },
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { id: string }).id;
    };
    const a = await create('a');
    await create('b');
    expect(await readUntil(c.spread, (m) => m.get('r1') === 1 && m.get('r2') === 1, 20_000)).toEqual(
      new Map([
        ['r1', 1],
        ['r2', 1],
      ]),
    );
    const [lease] = await query<{ runner_id: string }>(`SELECT runner_id FROM ${schema}.stream_leases WHERE stream_id = $1`, [a]);
    const owner = lease?.runner_id as string;
    const other = urls.get(owner === 'r1' ? 'r2' : 'r1') as string;
    const at = (path: string) => rx!.accepted.filter((r) => r.path === path);
    const count = (path: string) => at(path).reduce((n, r) => n + r.envelopes.length, 0);
    await ingestMany(other, TOKEN, 10, 10);
    await rx.waitFor(() => count('/a') === 10 && count('/b') === 10);

    // Patch the sink through the other runner: the owner rebuilds its worker, which probes the new URL.
    const patchedAt = Date.now();
    expect((await api(other, `/api/v2/log-streams/${a}`, 'PATCH', { sink: { httpEndpoint: `${rx.url}/moved`, httpContentFormat: 'JSONLINES' } })).status).toBe(
      200,
    );
    await rx.waitFor(() => rx!.probes.some((p) => p.path === '/moved'), 10_000);
    const probe = rx.probes.find((p) => p.path === '/moved');
    console.log(`patch through ${other === urls.get('r1') ? 'r1' : 'r2'} → owner ${owner} rebuilt after ${(probe?.at ?? 0) - patchedAt} ms`);
    expect(probe && runnerOf(probe)).toBe(owner);
    await ingestMany(other, TOKEN, 10, 10);
    await rx.waitFor(() => count('/moved') === 10 && count('/b') === 20);
    expect(count('/a')).toBe(10);
    expect(at('/moved').every((r) => runnerOf(r) === owner)).toBe(true);

    // Pause through the other runner: the owner stops and the lease goes; resume: delivered again.
    expect((await api(other, `/api/v2/log-streams/${a}`, 'PATCH', { status: 'paused' })).status).toBe(200);
    expect(await readUntil(c.spread, (m) => [...m.values()].reduce((x, y) => x + y, 0) === 1, 10_000)).toHaveProperty('size', 1);
    await ingestMany(other, TOKEN, 10, 10);
    await rx.waitFor(() => count('/b') === 30);
    expect(count('/moved')).toBe(10);
    expect((await api(other, `/api/v2/log-streams/${a}`, 'PATCH', { status: 'active' })).status).toBe(200);
    await rx.waitFor(() => count('/moved') === 20, 10_000);
  }, 90_000);
});
