// GET /api/v2/runners and each stream's health `runner` with two runner processes on one PostgreSQL: the list matches stream_leases.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunnersView, StreamHealthView, StreamView } from '@outflow/api-types';
import { dropSchemas, freshSchema, query, requirePostgres } from '@outflow/store-postgres/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRunnersCli } from '../src/cli/runners-command.js';
import { TOKEN } from './support/app.js';
import { runOutflow, tableRows } from './support/cli.js';
import { createCluster, type Cluster } from './support/cluster.js';
import { startReceiver, type Receiver } from './support/receiver.js';
import { readUntil } from './support/wait.js';

const STREAMS = 6;
const dir = mkdtempSync(join(tmpdir(), 'outflow-runners-'));
let rx: Receiver | undefined;
let cluster: Cluster | undefined;

beforeAll(requirePostgres);
afterAll(async () => {
  cluster?.killAll();
  await rx?.close();
  rmSync(dir, { recursive: true, force: true });
  await dropSchemas();
});

async function get<T>(url: string, path: string): Promise<T> {
  const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

describe('the runners of a cluster', () => {
  it('lists two runners with their streams split, small heartbeat ages, and names each stream’s runner as stream_leases does', async () => {
    rx = await startReceiver();
    const schema = freshSchema('outflow_runners');
    const c = (cluster = createCluster(dir, schema, rx.url, STREAMS));
    const urls = [await c.start('r1'), await c.start('r2')];
    const even = (s: Map<string, number>) => s.size === 2 && [...s.values()].every((n) => n === STREAMS / 2);
    expect(even(await readUntil(c.spread, even, 30_000))).toBe(true);

    const streams = await get<StreamView[]>(urls[0] as string, '/api/v2/log-streams');
    const nameOf = new Map(streams.map((s) => [s.id, s.name]));
    expect(nameOf.size).toBe(STREAMS);
    const leases = await query<{ stream_id: string; runner_id: string }>(
      `SELECT stream_id, runner_id FROM ${schema}.stream_leases WHERE expires_at > now() ORDER BY stream_id`,
    );
    const holder = new Map(leases.map((l) => [l.stream_id, l.runner_id]));

    const started = Date.now();
    const view = await get<RunnersView>(urls[0] as string, '/api/v2/runners');
    expect(view.mode).toBe('cluster');
    expect(view.runners.map((r) => [r.id, r.self])).toEqual([
      ['r1', true],
      ['r2', false],
    ]);
    for (const r of view.runners) {
      expect(r.pid).toBe(c.proc(r.id)?.pid);
      expect(r.host.length).toBeGreaterThan(0);
      // Heartbeats run every 2 s: the last one is recent.
      expect(r.heartbeatAgeMs).toBeGreaterThanOrEqual(0);
      expect(r.heartbeatAgeMs).toBeLessThan(5_000);
      expect(Date.parse(r.leaseExpiresAt as string)).toBeGreaterThan(started - 1_000);
      expect(Date.parse(r.expiresAt as string)).toBeGreaterThanOrEqual(Date.parse(r.heartbeatAt));
      expect(r.streams).toHaveLength(STREAMS / 2);
      // Each runner's streams are exactly its lease rows, with their names.
      expect(r.streams.map((s) => s.id).sort()).toEqual(
        [...holder]
          .filter(([, runner]) => runner === r.id)
          .map(([id]) => id)
          .sort(),
      );
      for (const s of r.streams) expect(s.name).toBe(nameOf.get(s.id));
    }
    const listed = view.runners.flatMap((r) => r.streams.map((s) => s.id));
    expect(new Set(listed).size).toBe(STREAMS);
    console.log(`runners: ${view.runners.map((r) => `${r.id} ${r.streams.length} streams, heartbeat ${r.heartbeatAgeMs} ms ago`).join('; ')}`);

    // The other runner answers the same split, marking itself.
    const fromR2 = await get<RunnersView>(urls[1] as string, '/api/v2/runners');
    expect(fromR2.runners.find((r) => r.self)?.id).toBe('r2');
    expect(fromR2.runners.map((r) => r.streams.map((s) => s.id))).toEqual(view.runners.map((r) => r.streams.map((s) => s.id)));

    // Each stream's health, asked of either runner, names its lease holder.
    for (const id of nameOf.keys()) {
      for (const url of urls) {
        const health = await get<StreamHealthView>(url, `/api/v2/log-streams/${id}/health?limit=1`);
        expect(health.runner).toBe(holder.get(id));
      }
    }

    // `outflow runners` shows the same table.
    const out: string[] = [];
    const err: string[] = [];
    const code = await runRunnersCli([], {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      color: false,
      env: { OUTFLOW_URL: urls[1] as string, OUTFLOW_TOKEN: TOKEN },
    });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const rows = tableRows(out.join('\n'));
    expect(rows[0]).toEqual(['RUNNER', 'HOST', 'PID', 'HEARTBEAT', 'STREAMS']);
    expect(rows.slice(1, 3).map((r) => [r[0], r[2], r[4]?.split(':')[0]])).toEqual([
      ['r1', String(c.proc('r1')?.pid), '3'],
      ['r2 *', String(c.proc('r2')?.pid), '3'],
    ]);

    // Another tenant (a token minted in the shared store) sees the same runners but only its own stream, and acme never sees it.
    const minted = await runOutflow([
      'tokens',
      'create',
      '--tenant',
      'globex',
      '--scopes',
      'read:log_streams,create:log_streams',
      '--json',
      '--config',
      join(dir, 'r1.yaml'),
    ]);
    expect(minted.code).toBe(0);
    const globex = (JSON.parse(minted.out) as { token: string }).token;
    const created = await fetch(`${urls[1]}/api/v2/log-streams`, {
      method: 'POST',
      headers: { authorization: `Bearer ${globex}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'globex-only', type: 'http', sink: { httpEndpoint: `${rx.url}/globex`, httpContentFormat: 'JSONLINES' } }),
    });
    expect(created.status).toBe(200);
    const globexId = ((await created.json()) as { id: string }).id;
    const leased = (s: Map<string, number>) => [...s.values()].reduce((a, b) => a + b, 0) === STREAMS + 1;
    expect(leased(await readUntil(c.spread, leased, 20_000))).toBe(true);
    const asGlobex = (await (await fetch(`${urls[0]}/api/v2/runners`, { headers: { authorization: `Bearer ${globex}` } })).json()) as RunnersView;
    expect(asGlobex.runners.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(asGlobex.runners.flatMap((r) => r.streams)).toEqual([{ id: globexId, name: 'globex-only' }]);
    const asAcme = await get<RunnersView>(urls[0] as string, '/api/v2/runners');
    expect(asAcme.runners.flatMap((r) => r.streams)).toHaveLength(STREAMS);
    expect(JSON.stringify(asAcme)).not.toContain(globexId);
  }, 120_000);
});
