// Three runner processes on one PostgreSQL share 300 streams: 100 ± 10 each, every event to every stream, never two runners on one stream at once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropSchemas, freshSchema, requirePostgres } from '@outflow/store-postgres/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN } from './support/app.js';
import { createCluster, idsPerStream, runnerOf, runnersPerStream, type Cluster } from './support/cluster.js';
import { ingestMany } from './support/events.js';
import { startReceiver, type Receiver } from './support/receiver.js';
import { lastOwners, overlappingStreams } from './support/spans.js';
import { readUntil } from './support/wait.js';

const STREAMS = 300;
/** Longer than the defaults: on a loaded machine a runner busy handing 200 streams over must not miss its own renewals. */
const LEASE = ', heartbeatInterval: 2s, leaseTtl: 30s, stopMargin: 10s';
const dir = mkdtempSync(join(tmpdir(), 'outflow-scale-'));
let rx: Receiver | undefined;
let cluster: Cluster | undefined;

beforeAll(requirePostgres);
afterAll(async () => {
  cluster?.killAll();
  await rx?.close();
  rmSync(dir, { recursive: true, force: true });
  await dropSchemas();
});

const near100 = (counts: Iterable<number>) => [...counts].every((n) => Math.abs(n - 100) <= 10);
const total = (counts: Iterable<number>) => [...counts].reduce((a, b) => a + b, 0);

describe('three runners, 300 streams', () => {
  it('spread 100 ± 10 per runner, deliver every event to every stream, and never deliver a stream from two runners at once', async () => {
    rx = await startReceiver();
    const c = (cluster = createCluster(dir, freshSchema('outflow_scale'), rx.url, STREAMS, LEASE));
    const t0 = Date.now();
    const step = (what: string) => console.log(`${what}: ${Date.now() - t0} ms`);
    // r1 creates the config's 300 streams and takes them all; events flow while r2 and r3 join
    // (they only update the existing streams, so they start side by side) and take two thirds over.
    const u1 = await c.start('r1', 60_000);
    expect(await readUntil(c.spread, (s) => s.get('r1') === STREAMS, 30_000)).toEqual(new Map([['r1', STREAMS]]));
    step('r1 holds the 300 streams');
    const first = await ingestMany(u1, TOKEN, 200, 100);
    const [u2, u3] = await Promise.all([c.start('r2', 60_000), c.start('r3', 60_000)]);
    step('r2 and r3 up');
    const settled = await readUntil(c.spread, (s) => s.size === 3 && near100(s.values()) && total(s.values()) === STREAMS, 30_000);
    step(`spread ${JSON.stringify([...settled])}`);
    expect([...settled.keys()].sort()).toEqual(['r1', 'r2', 'r3']);
    expect(near100(settled.values())).toBe(true);
    expect(total(settled.values())).toBe(STREAMS);
    const second = [...(await ingestMany(u2, TOKEN, 100, 100)), ...(await ingestMany(u3, TOKEN, 100, 100))];
    const all = new Set([...first, ...second]);
    expect(all.size).toBe(400);
    const complete = () => {
      const got = idsPerStream(rx?.accepted ?? []);
      return got.size === STREAMS && [...got.values()].every((s) => s.size === all.size);
    };
    await rx.waitFor(complete, 60_000);
    step('300 streams × 400 events delivered');

    // Every stream got exactly the ingested events. A repeat (at least once) may come from the
    // runner that sent it first, never from another one: a handover resumes after the last commit.
    for (const ids of idsPerStream(rx.accepted).values()) expect([...ids].every((id) => all.has(id))).toBe(true);
    const senders = new Map<string, Set<string>>();
    for (const r of rx.accepted)
      for (const e of r.envelopes) senders.set(`${r.path} ${e.log_id}`, (senders.get(`${r.path} ${e.log_id}`) ?? new Set<string>()).add(runnerOf(r)));
    expect(senders.size).toBe(STREAMS * all.size);
    expect([...senders.values()].filter((s) => s.size > 1)).toEqual([]);
    console.log(`${rx.accepted.reduce((n, r) => n + r.envelopes.length, 0) - senders.size} repeated deliveries (same runner)`);
    // By the receiver's outflow-runner headers: the owners at the end are 100 ± 10 per runner.
    const owners = lastOwners(rx.accepted);
    expect([...owners.keys()].sort()).toEqual(['r1', 'r2', 'r3']);
    expect(near100(owners.values())).toBe(true);
    // Per stream one runner, or r1 then its new owner, whose delivery times do not overlap.
    const servedBy = [...runnersPerStream(rx.accepted).values()];
    console.log(`${servedBy.filter((s) => s.size > 1).length} streams were handed over by r1 while delivering`);
    expect(overlappingStreams(rx.accepted)).toEqual([]);
    expect(servedBy.every((s) => s.size === 1 || (s.size === 2 && s.has('r1')))).toBe(true);
    expect(near100((await c.spread()).values())).toBe(true);
  }, 180_000);
});
