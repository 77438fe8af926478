// Segment files: layout, rotation, purge deleting old files, and recovery of torn or stray files on open.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/index.js';
import { batchOf, removeTempDirs, tempDir } from './helpers.js';

afterAll(removeTempDirs);

const segDir = (dbPath: string) => dbPath.replace(/\.db$/, '.segments');
const files = (dbPath: string) => fs.readdirSync(segDir(dbPath)).sort();
const all = { filter: null, maxEvents: 100_000, maxBytes: 1 << 30 };

describe('segment files', () => {
  it('lives next to the database, named by first sequence number, rotating at segmentBytes', async () => {
    const dbPath = path.join(tempDir(), 'a', 'b', 'outflow.db');
    const store = openSqliteStore({ path: dbPath, segmentBytes: 4096 });
    const appended = [];
    for (let i = 0; i < 12; i++) appended.push(await store.events.append(batchOf('acme', 5, { pad: 100 }), 1000 + i));
    const names = files(dbPath);
    expect(names.length).toBeGreaterThan(3);
    expect(names[0]).toBe('0000000000000001.seg');
    for (const name of names) {
      expect(name).toMatch(/^\d{16}\.seg$/);
      expect(appended.some((r) => r.firstSeq === Number(name.slice(0, 16)))).toBe(true);
      expect(fs.statSync(path.join(segDir(dbPath), name)).size).toBeLessThanOrEqual(4096 + 5 * 400);
    }
    const { batch } = await store.events.read({ tenant: 'acme', afterSeq: 0, ...all });
    expect(batch.seqs).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    await store.close();
  });

  it('purge deletes segment files that no longer hold retained events, and reads still work', async () => {
    const dbPath = path.join(tempDir(), 'outflow.db');
    const store = openSqliteStore({ path: dbPath, segmentBytes: 4096, cacheBytes: 1024 });
    const appended = [];
    for (let i = 0; i < 12; i++) appended.push(await store.events.append(batchOf('acme', 5, { pad: 100 }), 1000 + i));
    const before = files(dbPath);
    const cut = appended[8]?.firstSeq ?? 0;
    expect((await store.events.purge(1008)).events).toBe(40);
    const after = files(dbPath);
    expect(after.length).toBeLessThan(before.length);
    const firstKept = Math.max(...before.map((n) => Number(n.slice(0, 16))).filter((id) => id <= cut));
    expect(after.map((n) => Number(n.slice(0, 16)))).toEqual(before.map((n) => Number(n.slice(0, 16))).filter((id) => id >= firstKept));
    const { batch } = await store.events.read({ tenant: 'acme', afterSeq: 0, ...all });
    expect(batch.seqs[0]).toBe(cut);
    expect(batch.length).toBe(20);
    expect(batch.envelopes()).toHaveLength(20);
    expect((await store.events.purge(2000)).events).toBe(20);
    expect(files(dbPath)).toEqual([]);
    const next = await store.events.append(batchOf('acme', 2), 3000);
    expect(next.firstSeq).toBe(61);
    expect(files(dbPath)).toEqual(['0000000000000061.seg']);
    await store.close();
  });

  it('close commits appends still queued', async () => {
    const dbPath = path.join(tempDir(), 'outflow.db');
    let store = openSqliteStore({ path: dbPath });
    const pending = [store.events.append(batchOf('acme', 2), 1000), store.events.append(batchOf('acme', 3), 1001)];
    await store.close();
    expect((await Promise.all(pending)).map((r) => r.lastSeq)).toEqual([2, 5]);
    store = openSqliteStore({ path: dbPath });
    expect((await store.events.read({ tenant: 'acme', afterSeq: 0, ...all })).batch.length).toBe(5);
    await store.close();
  });

  it('cuts a torn, unindexed tail on open and appends after it cleanly', async () => {
    const dbPath = path.join(tempDir(), 'outflow.db');
    let store = openSqliteStore({ path: dbPath });
    const first = await store.events.append(batchOf('acme', 4));
    await store.close();
    const seg = path.join(segDir(dbPath), files(dbPath)[0] as string);
    const size = fs.statSync(seg).size;
    fs.appendFileSync(seg, '{"log_id":"torn","data":{"type":"s","garb');
    store = openSqliteStore({ path: dbPath });
    expect(fs.statSync(seg).size).toBe(size);
    const second = await store.events.append(batchOf('acme', 3));
    expect(second.firstSeq).toBe(first.lastSeq + 1);
    await store.close();
    fs.appendFileSync(seg, Buffer.from([0xff, 0xfe, 0x0a, 0x00]));
    store = openSqliteStore({ path: dbPath, cacheBytes: 0 });
    const { batch } = await store.events.read({ tenant: 'acme', afterSeq: 0, ...all });
    expect(batch.seqs).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(batch.envelopes().map((e) => e.data.tenant)).toEqual(Array(7).fill('acme'));
    expect(
      batch
        .jsonLines()
        .toString()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).log_id),
    ).toEqual([...batch.logIds]);
    await store.close();
  });

  it('leaves no segment bytes behind when the index commit fails, and rejects the append', async () => {
    const dbPath = path.join(tempDir(), 'outflow.db');
    const store = openSqliteStore({ path: dbPath });
    await store.events.append(batchOf('acme', 2));
    const seg = path.join(segDir(dbPath), '0000000000000001.seg');
    const size = fs.statSync(seg).size;
    const other = new Database(dbPath);
    other
      .prepare(
        "INSERT INTO batches (first_seq, last_seq, count, tenant, recorded_at, segment, offset, length, ends, types, log_ids, dates) VALUES (3, 3, 1, 'x', 0, 1, 0, 0, x'', '', '', x'')",
      )
      .run();
    await expect(store.events.append(batchOf('acme', 3))).rejects.toThrow();
    expect(fs.statSync(seg).size).toBe(size);
    other.prepare('DELETE FROM batches WHERE first_seq = 3').run();
    other.close();
    const ok = batchOf('acme', 3);
    expect((await store.events.append(ok)).firstSeq).toBe(3);
    expect(fs.statSync(seg).size).toBe(size + ok.lines.length);
    const { batch } = await store.events.read({ tenant: 'acme', afterSeq: 2, ...all });
    expect(batch.jsonLines().equals(ok.lines)).toBe(true);
    await store.close();
  });

  it('removes segment files that the index does not know on open', async () => {
    const dbPath = path.join(tempDir(), 'outflow.db');
    let store = openSqliteStore({ path: dbPath });
    await store.events.append(batchOf('acme', 2));
    await store.close();
    fs.writeFileSync(path.join(segDir(dbPath), '0000000000000099.seg'), 'never acknowledged\n');
    store = openSqliteStore({ path: dbPath });
    expect(files(dbPath)).toEqual(['0000000000000001.seg']);
    expect((await store.events.append(batchOf('acme', 1))).firstSeq).toBe(3);
    await store.close();
  });

  it('drops index rows whose bytes a segment lost (power failure without fsync) instead of failing reads', async () => {
    const dbPath = path.join(tempDir(), 'outflow.db');
    let store = openSqliteStore({ path: dbPath });
    await store.events.append(batchOf('acme', 2));
    const lost = await store.events.append(batchOf('acme', 2));
    await store.close();
    const seg = path.join(segDir(dbPath), files(dbPath)[0] as string);
    fs.truncateSync(seg, fs.statSync(seg).size - 10);
    store = openSqliteStore({ path: dbPath });
    const { batch } = await store.events.read({ tenant: 'acme', afterSeq: 0, ...all });
    expect(batch.seqs).toEqual([1, 2]);
    expect((await store.events.append(batchOf('acme', 1))).firstSeq).toBe(lost.lastSeq + 1);
    expect((await store.events.read({ tenant: 'acme', afterSeq: 2, ...all })).batch.seqs).toEqual([lost.lastSeq + 1]);
    await store.close();
  });
});
