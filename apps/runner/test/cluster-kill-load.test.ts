// kill -9 of one of three runners while it is sending: every acknowledged event still reaches every stream, duplicates stay within its in-flight batches.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropSchemas, freshSchema, query, requirePostgres } from '@outflow/store-postgres/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN } from './support/app.js';
import { createCluster, idsPerStream, runnerOf, runnersPerStream, streamOf, type Cluster } from './support/cluster.js';
import { ingestMany } from './support/events.js';
import { startReceiver, type Receiver } from './support/receiver.js';
import { overlappingStreams } from './support/spans.js';
import { readUntil } from './support/wait.js';

const STREAMS = 12;
/** Small batches and two requests in flight per stream (the default): a killed runner can have sent at most 2 × 50 events per stream that it had not committed. */
const BATCH = 50;
const CONCURRENCY = 2;
const dir = mkdtempSync(join(tmpdir(), 'outflow-kill-load-'));
let rx: Receiver | undefined;
let cluster: Cluster | undefined;

beforeAll(requirePostgres);
afterAll(async () => {
  cluster?.killAll();
  await rx?.close();
  rmSync(dir, { recursive: true, force: true });
  await dropSchemas();
});

describe('kill -9 under load', () => {
  it('loses no acknowledged event, takes over within 15 s and duplicates at most the in-flight batches', async () => {
    rx = await startReceiver();
    // Each request takes 40 ms at the destination, so the runners always have batches in flight.
    rx.script(() => ({ status: 200, delayMs: 40 }));
    const schema = freshSchema('outflow_kill_load');
    const c = (cluster = createCluster(dir, schema, rx.url, STREAMS, '', `\n  concurrency: ${CONCURRENCY}\n  batch: { maxEvents: ${BATCH} }`));
    const urls: string[] = [];
    for (const id of ['r1', 'r2', 'r3']) urls.push(await c.start(id));
    const even = (s: Map<string, number>) => s.size === 3 && [...s.values()].every((n) => n === STREAMS / 3);
    expect(even(await readUntil(c.spread, even, 30_000))).toBe(true);

    // Ingest keeps running through r2 and r3 until told to stop; every acknowledged log_id is kept.
    const acknowledged: string[] = [];
    let ingesting = true;
    const load = (async () => {
      for (let i = 0; ingesting; i++) acknowledged.push(...(await ingestMany(urls[1 + (i % 2)] as string, TOKEN, 100, 100)));
    })();

    // Kill r1 at a moment it has a request open at the destination.
    await rx.waitFor(() => rx!.requests.some((r) => runnerOf(r) === 'r1' && Date.now() - r.at < 30), 30_000);
    const leased = await query<{ name: string }>(
      `SELECT s.definition::json->>'name' AS name FROM ${schema}.stream_leases l JOIN ${schema}.streams s ON s.id = l.stream_id WHERE l.runner_id = 'r1'`,
    );
    c.proc('r1')?.kill('SIGKILL');
    const killedAt = Date.now();
    await rx.waitFor(() => Date.now() - killedAt > 3000 || acknowledged.length > 20_000, 10_000);
    ingesting = false;
    await load;

    const expected = new Set(acknowledged);
    const complete = () => {
      const got = idsPerStream(rx!.accepted);
      return got.size === STREAMS && [...got.values()].every((s) => s.size === expected.size && [...expected].every((id) => s.has(id)));
    };
    await rx.waitFor(complete, 90_000);

    const r1Streams = leased.map((l) => l.name);
    expect(r1Streams.length).toBe(STREAMS / 3);
    // Before the kill each stream was served by its leaseholder only.
    for (const [stream, runners] of runnersPerStream(rx.accepted.filter((r) => r.at < killedAt))) expect(runners.has('r1')).toBe(r1Streams.includes(stream));
    const firstAfter = r1Streams.map((stream) => Math.min(...rx!.accepted.filter((r) => streamOf(r) === stream && r.at > killedAt).map((r) => r.at)));
    const takeover = Math.max(...firstAfter) - killedAt;
    expect(takeover).toBeLessThan(15_000);
    // Nothing from r1 after its death: a request it had written may still be read from the socket just after the kill, not a second later.
    expect(rx.accepted.filter((r) => r.at > killedAt + 1000).every((r) => runnerOf(r) !== 'r1')).toBe(true);
    expect(overlappingStreams(rx.accepted)).toEqual([]);

    // Duplicates: only r1's streams have any, and at most what r1 had in flight (sent, not committed).
    const received = new Map<string, number>();
    for (const r of rx.accepted) received.set(streamOf(r), (received.get(streamOf(r)) ?? 0) + r.envelopes.length);
    const duplicates = new Map([...received].map(([stream, n]) => [stream, n - expected.size]));
    for (const [stream, d] of duplicates) {
      if (r1Streams.includes(stream)) expect(d).toBeLessThanOrEqual(CONCURRENCY * BATCH);
      else expect(d).toBe(0);
    }
    const total = [...duplicates.values()].reduce((a, b) => a + b, 0);
    console.log(
      `kill -9 under load: ${expected.size} acknowledged events × ${STREAMS} streams delivered; takeover of ${r1Streams.length} streams after ${takeover} ms; ` +
        `${total} duplicate deliveries (bound ${r1Streams.length} × ${CONCURRENCY * BATCH})`,
    );
  }, 180_000);
});
