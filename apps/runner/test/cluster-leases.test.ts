// Three runner processes on one PostgreSQL share 30 streams through leases: even spread, one runner per stream, kill -9 takeover < 15 s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropSchemas, freshSchema, requirePostgres } from '@outflow/store-postgres/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN } from './support/app.js';
import { createCluster, idsPerStream, runnerOf, runnersPerStream, streamOf, type Cluster } from './support/cluster.js';
import { ingestMany } from './support/events.js';
import { startReceiver, type Receiver } from './support/receiver.js';
import { overlappingStreams } from './support/spans.js';
import { readUntil } from './support/wait.js';

const STREAMS = 30;
const dir = mkdtempSync(join(tmpdir(), 'outflow-cluster-'));
let rx: Receiver | undefined;
let cluster: Cluster | undefined;

beforeAll(requirePostgres);
afterAll(async () => {
  cluster?.killAll();
  await rx?.close();
  rmSync(dir, { recursive: true, force: true });
  await dropSchemas();
});

const allDelivered = (rx: Receiver, expected: number) => () => {
  const got = idsPerStream(rx.accepted);
  return got.size === STREAMS && [...got.values()].every((s) => s.size === expected);
};

describe('three runners on one PostgreSQL', () => {
  it('spread 30 streams 10 ± 1 each, deliver every event once per stream from one runner, and take over a kill -9 within 15 s', async () => {
    rx = await startReceiver();
    const c = (cluster = createCluster(dir, freshSchema('outflow_cluster'), rx.url, STREAMS));
    const urls: string[] = [];
    for (const id of ['r1', 'r2', 'r3']) urls.push(await c.start(id));
    const even = (s: Map<string, number>) =>
      s.size === 3 && [...s.values()].every((n) => Math.abs(n - 10) <= 1) && [...s.values()].reduce((a, b) => a + b, 0) === STREAMS;
    expect(even(await readUntil(c.spread, even, 30_000))).toBe(true);
    const ids = await ingestMany(urls[0] as string, TOKEN, 600, 200);
    await rx.waitFor(allDelivered(rx, 600), 60_000);
    // Each stream was served by one runner; each runner served 10 ± 1 streams.
    const servedBy = runnersPerStream(rx.accepted);
    expect([...servedBy.values()].every((s) => s.size === 1)).toBe(true);
    const streamsPerRunner = new Map<string, number>();
    for (const s of servedBy.values()) for (const r of s) streamsPerRunner.set(r, (streamsPerRunner.get(r) ?? 0) + 1);
    expect([...streamsPerRunner.keys()].sort()).toEqual(['r1', 'r2', 'r3']);
    for (const n of streamsPerRunner.values()) expect(Math.abs(n - 10)).toBeLessThanOrEqual(1);
    const r1Streams = [...servedBy].filter(([, s]) => s.has('r1')).map(([stream]) => stream);

    // kill -9 of r1 once every cursor is committed: its streams move to r2 and r3; more events reach every stream.
    await c.committed(600);
    const before = rx.accepted.length;
    c.proc('r1')?.kill('SIGKILL');
    const killedAt = Date.now();
    const more = await ingestMany(urls[1] as string, TOKEN, 200, 200);
    await rx.waitFor(allDelivered(rx, 800), 60_000);
    const after = rx.accepted.slice(before);
    const firstAfter = r1Streams.map((stream) => Math.min(...after.filter((r) => streamOf(r) === stream).map((r) => r.at)));
    const takeover = Math.max(...firstAfter) - killedAt;
    console.log(`kill -9 → takeover of ${r1Streams.length} streams: ${takeover} ms`);
    expect(takeover).toBeLessThan(15_000);
    expect(after.every((r) => runnerOf(r) !== 'r1')).toBe(true);
    expect(overlappingStreams(rx.accepted)).toEqual([]);
    const s = await c.spread();
    expect([...s.keys()].sort()).toEqual(['r2', 'r3']);
    for (const n of s.values()) expect(n).toBe(15);
    // Every event reached every stream exactly once (r1 was idle and had committed everything when killed).
    expect(new Set([...ids, ...more]).size).toBe(800);
    expect(rx.accepted.reduce((n, r) => n + r.envelopes.length, 0)).toBe(800 * STREAMS);

    // A graceful stop hands r2's streams to r3 at once (no TTL wait).
    const stoppedAt = Date.now();
    c.proc('r2')?.kill('SIGTERM');
    const handed = await readUntil(c.spread, (m) => m.get('r3') === STREAMS && m.size === 1, 10_000);
    expect(handed).toEqual(new Map([['r3', STREAMS]]));
    console.log(`SIGTERM → r3 holds all ${STREAMS} streams after ${Date.now() - stoppedAt} ms`);
  }, 180_000);
});
