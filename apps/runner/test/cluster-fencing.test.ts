// Fencing: a runner paused (SIGSTOP) past its lease loses its streams to another runner and, once resumed, sends and commits nothing for them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropSchemas, freshSchema, query, requirePostgres } from '@outflow/store-postgres/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN } from './support/app.js';
import { createCluster, idsPerStream, runnerOf, runnersPerStream, type Cluster } from './support/cluster.js';
import { ingestMany } from './support/events.js';
import { startReceiver, type Receiver } from './support/receiver.js';
import { readUntil } from './support/wait.js';

const STREAMS = 6;
const dir = mkdtempSync(join(tmpdir(), 'outflow-fencing-'));
const schema = freshSchema('outflow_fencing');
let rx: Receiver | undefined;
let cluster: Cluster | undefined;

beforeAll(requirePostgres);
afterAll(async () => {
  cluster?.proc('r1')?.kill('SIGCONT');
  cluster?.killAll();
  await rx?.close();
  rmSync(dir, { recursive: true, force: true });
  await dropSchemas();
});

const everyStreamHas = (rx: Receiver, n: number) => () => {
  const got = idsPerStream(rx.accepted);
  return got.size === STREAMS && [...got.values()].every((s) => s.size === n);
};

describe('a runner paused past its lease', () => {
  it('loses its streams to the other runner and, once resumed, sends nothing under its old leases', async () => {
    rx = await startReceiver();
    const c = (cluster = createCluster(dir, schema, rx.url, STREAMS));
    await c.start('r1');
    const r2 = await c.start('r2');
    const spread = await readUntil(c.spread, (m) => m.get('r1') === 3 && m.get('r2') === 3, 30_000);
    expect(spread).toEqual(
      new Map([
        ['r1', 3],
        ['r2', 3],
      ]),
    );
    await ingestMany(r2, TOKEN, 100, 100);
    await rx.waitFor(everyStreamHas(rx, 100), 30_000);
    const r1Streams = [...runnersPerStream(rx.accepted)].filter(([, s]) => s.has('r1')).map(([stream]) => stream);
    expect(r1Streams).toHaveLength(3);
    // Freeze r1 only once its cursors are committed: a batch delivered but not yet committed would be sent again by r2.
    await c.committed(100);

    c.proc('r1')?.kill('SIGSTOP');
    // Events arrive while r1 is frozen: its LISTEN socket buffers the news, its workers would send them on waking.
    await ingestMany(r2, TOKEN, 100, 100);
    await rx.waitFor(everyStreamHas(rx, 200), 30_000);
    expect((await c.spread()).get('r2')).toBe(STREAMS);

    const resumedAt = Date.now();
    c.proc('r1')?.kill('SIGCONT');
    // r1 comes back, rebalances and claims streams again under new leases.
    const back = await readUntil(c.spread, (m) => m.get('r1') === 3 && m.get('r2') === 3, 30_000);
    expect(back.get('r1')).toBe(3);
    const [reclaim] = await query<{ at: Date }>(`SELECT min(acquired_at) AS at FROM ${schema}.stream_leases WHERE runner_id = 'r1'`);
    const reclaimedAt = reclaim?.at.getTime() ?? 0;
    expect(reclaimedAt).toBeGreaterThan(resumedAt);
    // Nothing from r1 between its resumption and its new leases.
    const stale = [...rx.requests, ...rx.probes].filter((r) => runnerOf(r) === 'r1' && r.at >= resumedAt - 50 && r.at < reclaimedAt);
    expect(stale).toEqual([]);
    // Every event reached every stream; none twice (nothing was in flight when r1 froze).
    await ingestMany(r2, TOKEN, 50, 50);
    await rx.waitFor(everyStreamHas(rx, 250), 30_000);
    expect(rx.accepted.reduce((n, r) => n + r.envelopes.length, 0)).toBe(250 * STREAMS);
    expect(c.output('r1')).toContain('No heartbeat succeeded in time');
  }, 120_000);
});
