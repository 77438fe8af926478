// The read path: stored bytes handed out without copying, disk reads past the cache, bounded filtered scans.
import fs from 'node:fs';
import path from 'node:path';
import { compileFilter } from '@outflow/core';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/index.js';
import { batchOf, removeTempDirs, tempDir } from './helpers.js';

afterAll(removeTempDirs);

const q = (tenant: string, afterSeq: number) => ({ tenant, afterSeq, filter: null, maxEvents: 10_000, maxBytes: 1 << 30 });

describe('read path', () => {
  it('copies a few events picked out of big stored batches into one small buffer, laid out as JSON lines', async () => {
    const store = openSqliteStore({ path: path.join(tempDir(), 'outflow.db') });
    const types = Array.from({ length: 500 }, (_, i) => (i % 100 === 0 ? 'fp' : 's'));
    const stored = batchOf('acme', 500, { types, pad: 300 });
    await store.events.append(stored);
    const { batch } = await store.events.read({ ...q('acme', 0), filter: compileFilter([{ type: 'type', name: 'fp' }]) });
    expect(batch.types).toEqual(['fp', 'fp', 'fp', 'fp', 'fp']);
    expect(batch.raw(0).buffer).not.toBe(stored.lines.buffer);
    expect(batch.raw(0).buffer.byteLength).toBeLessThan(stored.lines.length / 10);
    const lines = batch.jsonLines();
    expect(lines.buffer).toBe(batch.raw(0).buffer);
    const ends = [...stored.ends];
    const expected = [0, 100, 200, 300, 400].map((i) => stored.lines.subarray(i === 0 ? 0 : ends[i - 1], ends[i]).toString()).join('');
    expect(lines.toString()).toBe(expected);
    await store.close();
  });

  it('a read of exactly one stored batch hands out the stored bytes as jsonLines (no copy)', async () => {
    const store = openSqliteStore({ path: path.join(tempDir(), 'outflow.db') });
    await store.events.append(batchOf('acme', 3));
    const stored = batchOf('acme', 500, { types: ['s', 'f', 'fp'], pad: 300 });
    const { firstSeq, lastSeq } = await store.events.append(stored);
    await store.events.append(batchOf('acme', 2));
    const { batch } = await store.events.read({ ...q('acme', firstSeq - 1), maxEvents: 500 });
    expect(batch.length).toBe(500);
    const lines = batch.jsonLines();
    expect(lines.equals(stored.lines)).toBe(true);
    expect(lines.buffer).toBe(stored.lines.buffer);
    expect(lines.byteOffset).toBe(stored.lines.byteOffset);
    expect(batch.raw(499).buffer).toBe(stored.lines.buffer);
    expect(batch.seqs[499]).toBe(lastSeq);
    await store.close();
  });

  it('reads a batch from its segment when it is not cached, and the bytes are the stored region', async () => {
    const dbPath = path.join(tempDir(), 'outflow.db');
    let store = openSqliteStore({ path: dbPath });
    await store.events.append(batchOf('acme', 7));
    const stored = batchOf('acme', 50, { pad: 50 });
    const { firstSeq } = await store.events.append(stored);
    await store.close();
    store = openSqliteStore({ path: dbPath, cacheBytes: 0 });
    const { batch } = await store.events.read({ ...q('acme', firstSeq - 1), maxEvents: 50 });
    expect(batch.jsonLines().equals(stored.lines)).toBe(true);
    const segment = fs.readFileSync(path.join(dbPath.replace(/\.db$/, '.segments'), '0000000000000001.seg'));
    expect(segment.subarray(segment.length - stored.lines.length).equals(batch.jsonLines())).toBe(true);
    const part = await store.events.read({ ...q('acme', firstSeq + 9), maxEvents: 5 });
    expect(part.batch.jsonLines().toString()).toBe(
      stored.lines
        .toString()
        .split('\n')
        .slice(10, 15)
        .map((l) => `${l}\n`)
        .join(''),
    );
    await store.close();
  });

  it('reads only the picked lines of a stored batch that is not cached when they are few, across runs and batches', async () => {
    const dbPath = path.join(tempDir(), 'outflow.db');
    let store = openSqliteStore({ path: dbPath });
    const types = Array.from({ length: 400 }, (_, i) => (i % 50 === 0 || i % 50 === 1 ? 'fp' : 's'));
    const batches = [batchOf('acme', 400, { types, pad: 200 }), batchOf('acme', 400, { types, pad: 200 })];
    for (const b of batches) await store.events.append(b);
    await store.close();
    store = openSqliteStore({ path: dbPath });
    const filter = compileFilter([{ type: 'type', name: 'fp' }]);
    const { batch } = await store.events.read({ ...q('acme', 1), filter });
    // Event 1 of the first batch and the pairs at every 50th event after it, in both batches.
    expect(batch.length).toBe(31);
    const lineOf = (b: (typeof batches)[number], i: number) => b.lines.subarray(i === 0 ? 0 : b.ends[i - 1], b.ends[i]).toString();
    const want = [1, ...[50, 51, 100, 101, 150, 151, 200, 201, 250, 251, 300, 301, 350, 351]]
      .map((i) => lineOf(batches[0]!, i))
      .concat([0, 1, 50, 51, 100, 101, 150, 151, 200, 201, 250, 251, 300, 301, 350, 351].map((i) => lineOf(batches[1]!, i)));
    expect(batch.jsonLines().toString()).toBe(want.join(''));
    expect(Array.from({ length: batch.length }, (_, i) => `${batch.raw(i).toString()}\n`).join('')).toBe(want.join(''));
    expect(batch.seqs[0]).toBe(2);
    expect(batch.seqs[30]).toBe(752);
    // Each picked event's bytes live in a buffer about the size of the picks, not of a stored batch.
    expect(batch.raw(0).buffer.byteLength).toBeLessThan(batches[0]!.lines.length / 10);
    // A dense read afterwards still gets (and caches) the whole stored batch.
    const all = await store.events.read({ ...q('acme', 0), maxEvents: 400 });
    expect(all.batch.jsonLines().equals(batches[0]!.lines)).toBe(true);
    await store.close();
  });

  it('reads a whole stored batch when the picks are scattered over many runs', async () => {
    const dbPath = path.join(tempDir(), 'outflow.db');
    let store = openSqliteStore({ path: dbPath });
    const types = Array.from({ length: 1000 }, (_, i) => (i % 10 === 0 ? 'fp' : 's'));
    const stored = batchOf('acme', 1000, { types, pad: 100 });
    await store.events.append(stored);
    await store.close();
    store = openSqliteStore({ path: dbPath });
    const { batch } = await store.events.read({ ...q('acme', 0), filter: compileFilter([{ type: 'type', name: 'fp' }]) });
    expect(batch.length).toBe(100);
    const want = Array.from({ length: 100 }, (_, k) => k * 10).map((i) => stored.lines.subarray(i === 0 ? 0 : stored.ends[i - 1], stored.ends[i]).toString());
    expect(batch.jsonLines().toString()).toBe(want.join(''));
    await store.close();
  });

  it('passes filtered picks as line regions, so jsonLines still matches the raw texts', async () => {
    const store = openSqliteStore({ path: path.join(tempDir(), 'outflow.db') });
    await store.events.append(batchOf('acme', 30, { types: ['s', 's', 'f', 'fp', 'w'] }));
    const filter = compileFilter([{ type: 'category', name: 'auth.login.fail' }]);
    const { batch } = await store.events.read({ ...q('acme', 0), filter });
    expect(batch.types).toEqual(Array(6).fill(['f', 'fp']).flat());
    const raws = Array.from({ length: batch.length }, (_, i) => `${batch.raw(i).toString()}\n`).join('');
    expect(batch.jsonLines().toString()).toBe(raws);
    await store.close();
  });

  it('bounds the work of a filtered read that skips a lot, reporting how far it looked', async () => {
    const store = openSqliteStore({ path: path.join(tempDir(), 'outflow.db') });
    for (let i = 0; i < 200; i++) await store.events.append(batchOf('acme', 2));
    const filter = compileFilter([{ type: 'type', name: 'f' }]);
    const first = await store.events.read({ ...q('acme', 0), filter });
    expect(first.batch.length).toBe(0);
    expect(first.scannedTo).toBe(128);
    const second = await store.events.read({ ...q('acme', first.scannedTo), filter });
    expect(second.scannedTo).toBe(256);
    await store.close();
  });

  it('group commit: 50 concurrent appends get contiguous ranges, one notification, and are all readable', async () => {
    const store = openSqliteStore({ path: path.join(tempDir(), 'outflow.db') });
    const calls: Array<[string, number]> = [];
    store.events.subscribe((tenant, lastSeq) => calls.push([tenant, lastSeq]));
    const batches = Array.from({ length: 50 }, (_, i) => batchOf(i % 2 ? 'globex' : 'acme', 1 + (i % 7)));
    const results = await Promise.all(batches.map((b) => store.events.append(b)));
    let next = 1;
    results.forEach((r, i) => {
      expect(r.firstSeq).toBe(next);
      expect(r.lastSeq).toBe(next + (batches[i]?.ends.length ?? 0) - 1);
      next = r.lastSeq + 1;
    });
    expect(calls).toEqual([
      ['acme', results[48]?.lastSeq],
      ['globex', results[49]?.lastSeq],
    ]);
    const acme = await store.events.read(q('acme', 0));
    const want = batches
      .filter((b) => b.tenant === 'acme')
      .map((b) => b.lines.toString())
      .join('');
    expect(acme.batch.jsonLines().toString()).toBe(want);
    await store.close();
  });

  it('rejects a malformed batch without affecting others queued with it', async () => {
    const store = openSqliteStore({ path: path.join(tempDir(), 'outflow.db') });
    const bad = { ...batchOf('acme', 2), ends: Uint32Array.of(5, 7) };
    const [ok1, failed, ok2] = await Promise.allSettled([
      store.events.append(batchOf('acme', 1)),
      store.events.append(bad),
      store.events.append(batchOf('acme', 1)),
    ]);
    expect(ok1.status).toBe('fulfilled');
    expect(failed.status).toBe('rejected');
    expect(ok2.status === 'fulfilled' && ok2.value.firstSeq).toBe(2);
    await store.close();
    await expect(store.events.append(batchOf('acme', 1))).rejects.toThrow(/closed/);
  });
});
