// Changes made through one runner are obeyed by the stream's owner within 1 s over the control channel (ADR 0020), with 10 s heartbeats.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropSchemas, freshSchema, query, requirePostgres } from '@outflow/store-postgres/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN } from './support/app.js';
import { createCluster, runnerOf, type Cluster } from './support/cluster.js';
import { ingestMany, makeEvent, ingest } from './support/events.js';
import { startReceiver, type ReceivedRequest, type Receiver } from './support/receiver.js';
import { readUntil } from './support/wait.js';

const dir = mkdtempSync(join(tmpdir(), 'outflow-control-'));
const schema = freshSchema('outflow_control');
/** Heartbeats far apart: only the control channel can make the owner act within 1 s. */
const SLOW_HEARTBEATS = ', heartbeatInterval: 10s, leaseTtl: 30s';
const WITHIN_MS = 1000;
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

const ownerOf = async (stream: string) =>
  (await query<{ runner_id: string }>(`SELECT runner_id FROM ${schema}.stream_leases WHERE stream_id = $1 AND expires_at > now()`, [stream]))[0]?.runner_id;

describe('the control channel', () => {
  it('makes the owner obey create, patch, replay, redrive, pause, resume and delete made through another runner within 1 s', async () => {
    const receiver = (rx = await startReceiver());
    let refusing = true;
    receiver.script((r) => (refusing && r.body.includes('poison') ? { status: 400 } : undefined));
    const c = (cluster = createCluster(dir, schema, receiver.url, 0, SLOW_HEARTBEATS));
    const urls = new Map([
      ['r1', await c.start('r1')],
      ['r2', await c.start('r2')],
    ]);
    const sink = (path: string) => ({ httpEndpoint: `${receiver.url}${path}`, httpContentFormat: 'JSONLINES' });
    const create = async (through: string, name: string) => {
      const res = await api(through, '/api/v2/log-streams', 'POST', { name, type: 'http', sink: sink(`/${name}`) });
      expect(res.status).toBe(200);
      return ((await res.json()) as { id: string }).id;
    };
    const startedAt = Date.now();
    // Stream a goes to one runner (A); with a held, A is at its cap (⌈2 ÷ 2⌉ = 1) and every change below concerns B's stream.
    const a = await create(urls.get('r1') as string, 'a');
    const A = (await readUntil(
      () => ownerOf(a),
      (o) => o !== undefined,
      15_000,
    )) as string;
    const B = A === 'r1' ? 'r2' : 'r1';
    const viaA = urls.get(A) as string;
    const figures: Record<string, number> = {};

    /** Sends a change through A, then waits until `obeyed` holds; records and asserts the time from A's answer (about 0 when it held already). */
    const timed = async (op: string, send: () => Promise<Response>, status: number, obeyed: (since: number) => Promise<boolean> | boolean) => {
      const sent = Date.now();
      const res = await send();
      expect(res.status, `${op} answered ${res.status}: ${await res.clone().text()}`).toBe(status);
      const made = Date.now();
      // Effects from the request's start count: the owner may act before A's answer arrives here.
      const ok = await readUntil(
        async () => obeyed(sent),
        (v) => v,
        5_000,
      );
      const ms = Date.now() - made;
      figures[op] = ms;
      console.log(`${op} through ${A} → obeyed by owner ${B} ${ms} ms after ${A} answered (request took ${made - sent} ms)`);
      expect(ok, `${op} was not obeyed by ${B}; its output: ${c.output(B).slice(-3000)}`).toBe(true);
      expect(ms).toBeLessThan(WITHIN_MS);
      return res;
    };
    /** Requests (probes included) at `path` sent by B after `since`. */
    const fromB = (path: string, since: number): ReceivedRequest[] =>
      [...receiver.probes, ...receiver.requests].filter((r) => r.path === path && r.at >= since && runnerOf(r) === B);
    const leaseGone = async (stream: string) => (await ownerOf(stream)) === undefined;

    // Create through A: A is at its cap, so B claims the new stream and its worker reaches the destination.
    let b = '';
    await timed(
      'create',
      async () => {
        const res = await api(viaA, '/api/v2/log-streams', 'POST', { name: 'b', type: 'http', sink: sink('/b') });
        b = ((await res.clone().json()) as { id: string }).id;
        return res;
      },
      200,
      (since) => fromB('/b', since).length > 0,
    );
    expect(await ownerOf(b)).toBe(B);
    const first = await ingestMany(viaA, TOKEN, 10, 10);
    await receiver.waitFor(() => receiver.accepted.filter((r) => r.path === '/b').reduce((n, r) => n + r.envelopes.length, 0) === 10);

    // Patch the sink: B rebuilds its worker, which reaches the new URL.
    await timed(
      'patch',
      () => api(viaA, `/api/v2/log-streams/${b}`, 'PATCH', { sink: sink('/b2') }),
      200,
      (since) => fromB('/b2', since).length > 0,
    );

    // Replay from the start: B's rebuilt worker sends the first events again, to the new URL.
    await timed(
      'replay',
      () => api(viaA, `/api/v2/log-streams/${b}/replay`, 'POST', { from: new Date(startedAt - 1000).toISOString() }),
      200,
      (since) => fromB('/b2', since).some((r) => r.envelopes.some((e) => first.includes(e.log_id))),
    );

    // A poison event is dead-lettered by B; redrive through A (which does not run b): B sends it, with its own header.
    const poison = makeEvent({ description: 'poison' });
    expect((await ingest(viaA, TOKEN, [poison])).status).toBe(202);
    const letters = await readUntil(
      async () => (await (await api(viaA, `/api/v2/log-streams/${b}/dead-letters`)).json()) as Array<{ log_id: string }>,
      (l) => l.length === 1,
      15_000,
    );
    expect(letters.map((l) => l.log_id)).toEqual([poison.log_id]);
    refusing = false;
    const redrive = await timed(
      'redrive',
      () => api(viaA, `/api/v2/log-streams/${b}/dead-letters/redrive`, 'POST', {}),
      202,
      (since) => receiver.accepted.some((r) => r.path === '/b2' && r.at >= since && runnerOf(r) === B && r.envelopes.some((e) => e.log_id === poison.log_id)),
    );
    expect(await redrive.json()).toEqual({ redriving: 1 });
    expect(receiver.requests.filter((r) => r.body.includes('poison') && r.path === '/b2').every((r) => runnerOf(r) === B)).toBe(true);

    // Pause: B drops the lease (its heartbeat ran) and its worker stops: events sent afterwards reach a only.
    await timed(
      'pause',
      () => api(viaA, `/api/v2/log-streams/${b}`, 'PATCH', { status: 'paused' }),
      200,
      () => leaseGone(b),
    );
    const pausedAt = Date.now();
    const during = await ingestMany(viaA, TOKEN, 5, 5);
    await receiver.waitFor(() => during.every((id) => receiver.accepted.some((r) => r.path === '/a' && r.envelopes.some((e) => e.log_id === id))));
    expect(receiver.requests.filter((r) => r.path === '/b2' && r.at >= pausedAt && r.method === 'POST')).toEqual([]);

    // Resume: A is at its cap again, so B claims b and sends what came meanwhile.
    await timed(
      'resume',
      () => api(viaA, `/api/v2/log-streams/${b}`, 'PATCH', { status: 'active' }),
      200,
      (since) => fromB('/b2', since).length > 0,
    );
    expect(await ownerOf(b)).toBe(B);

    // Delete: B drops the lease and stops; nothing more reaches b's destination.
    await timed(
      'delete',
      () => api(viaA, `/api/v2/log-streams/${b}`, 'DELETE'),
      204,
      () => leaseGone(b),
    );
    const deletedAt = Date.now();
    const after = await ingestMany(viaA, TOKEN, 5, 5);
    await receiver.waitFor(() => after.every((id) => receiver.accepted.some((r) => r.path === '/a' && r.envelopes.some((e) => e.log_id === id))));
    expect(receiver.requests.filter((r) => r.path === '/b2' && r.at >= deletedAt && r.method === 'POST')).toEqual([]);

    console.log(`control channel figures (ms after the answer): ${JSON.stringify(figures)}`);
    expect(Object.keys(figures).sort()).toEqual(['create', 'delete', 'patch', 'pause', 'redrive', 'replay', 'resume']);
  }, 90_000);
});
