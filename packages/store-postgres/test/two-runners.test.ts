// Two store instances ("runners") on one schema: distinct increasing seqs under concurrent appends, each hears the other's commits.
import type { AppendResult, Store } from '@outflow/core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openPostgresStore } from '../src/index.js';
import { batchOf } from './batches.js';
import { PG_URL, dropSchemas, freshSchema, query, requirePostgres } from '../src/testing.js';

beforeAll(requirePostgres);
afterAll(dropSchemas);

let open: Store[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

async function twoRunners(): Promise<[Store, Store, string]> {
  const schema = freshSchema();
  const a = await openPostgresStore({ url: PG_URL, schema, poolSize: 4 });
  const b = await openPostgresStore({ url: PG_URL, schema, poolSize: 4 });
  open.push(a, b);
  return [a, b, schema];
}

const seqsOf = (results: AppendResult[]) => results.flatMap((r) => Array.from({ length: r.lastSeq - r.firstSeq + 1 }, (_, i) => r.firstSeq + i));

describe('two runners on one schema', () => {
  it('get distinct seq ranges from one counter, and a follower reading during the appends misses none', async () => {
    const [a, b] = await twoRunners();
    const followed: number[] = [];
    let cursor = 0;
    let appending = true;
    // A reader on runner A that moves its cursor to scannedTo, as a delivery worker does: it
    // would skip events if a lower seq could commit after a higher one was already visible.
    const follower = (async () => {
      for (;;) {
        const done = !appending;
        const { batch, scannedTo } = await a.events.read({ tenant: 'acme', afterSeq: cursor, filter: null, maxEvents: 1000, maxBytes: 1 << 24 });
        followed.push(...batch.seqs);
        cursor = scannedTo;
        if (done && batch.length === 0) return;
      }
    })();
    const appends: Array<Promise<AppendResult>> = [];
    for (let i = 0; i < 40; i++) {
      appends.push(a.events.append(batchOf('acme', 1 + (i % 3))), b.events.append(batchOf('acme', 1 + (i % 2))));
      if (i % 5 === 0) await new Promise((r) => setImmediate(r));
    }
    const results = await Promise.all(appends);
    appending = false;
    await follower;
    const all = seqsOf(results);
    expect(new Set(all).size).toBe(all.length);
    const sorted = [...all].sort((x, y) => x - y);
    expect(sorted[0]).toBe(1);
    expect(sorted[sorted.length - 1]).toBe(all.length);
    expect(followed).toEqual(sorted);
    // Both runners read the same log.
    const fromB = await b.events.read({ tenant: 'acme', afterSeq: 0, filter: null, maxEvents: 10_000, maxBytes: 1 << 24 });
    expect([...fromB.batch.seqs]).toEqual(sorted);
  });

  it('recording times never go backwards across runners', async () => {
    const [a, b] = await twoRunners();
    const first = await a.events.append(batchOf('acme', 1), 5000);
    const second = await b.events.append(batchOf('acme', 1), 1000);
    expect(second.firstSeq).toBeGreaterThan(first.lastSeq);
    expect(second.recordedAt).toBe(5000);
  });

  it("each hears the other's commits through subscribe (LISTEN/NOTIFY), and its own at once", async () => {
    const [a, b] = await twoRunners();
    const heardByA: Array<[string, number]> = [];
    const heardByB: Array<[string, number]> = [];
    a.events.subscribe((t, s) => heardByA.push([t, s]));
    b.events.subscribe((t, s) => heardByB.push([t, s]));
    const fromA = await a.events.append(batchOf('acme', 2));
    expect(heardByA).toEqual([['acme', fromA.lastSeq]]);
    await vi.waitFor(() => expect(heardByB).toEqual([['acme', fromA.lastSeq]]));
    const fromB = await b.events.append(batchOf('globex', 3));
    expect(heardByB).toEqual([
      ['acme', fromA.lastSeq],
      ['globex', fromB.lastSeq],
    ]);
    await vi.waitFor(() =>
      expect(heardByA).toEqual([
        ['acme', fromA.lastSeq],
        ['globex', fromB.lastSeq],
      ]),
    );
    // What B heard about is readable on B.
    const read = await b.events.read({ tenant: 'acme', afterSeq: 0, filter: null, maxEvents: 10, maxBytes: 1 << 20 });
    expect([...read.batch.seqs]).toEqual([fromA.firstSeq, fromA.lastSeq]);
  });

  it('a runner whose LISTEN connection drops reconnects and catches up on commits it missed', async () => {
    const [a, b, schema] = await twoRunners();
    const heardByA: Array<[string, number]> = [];
    a.events.subscribe((t, s) => heardByA.push([t, s]));
    const killed = await query<{ ok: boolean }>(`SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE query = $1`, [
      `LISTEN outflow_commits_${schema}`,
    ]);
    // Both runners LISTEN on the channel; drop both, then commit from B while they reconnect.
    expect(killed.length).toBe(2);
    const fromB = await b.events.append(batchOf('initech', 1));
    await vi.waitFor(() => expect(heardByA).toContainEqual(['initech', fromB.lastSeq]), { timeout: 5000 });
    const later = await b.events.append(batchOf('initech', 1));
    await vi.waitFor(() => expect(heardByA).toContainEqual(['initech', later.lastSeq]), { timeout: 5000 });
  });
});
