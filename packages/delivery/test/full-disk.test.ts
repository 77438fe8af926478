// A real full disk: the SQLite store on a small tmpfs filled up, so cursor commits fail with SQLITE_FULL.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createManualClock } from '@outflow/core/testing';
import { openSqliteStore } from '@outflow/store-sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './helpers/harness.js';

let h: Harness | undefined;
let dir: string | undefined;
let mounted = false;
afterEach(async () => {
  await h?.supervisor.stop(0);
  await h?.store.close();
  if (dir && mounted) execFileSync('umount', [dir]);
  if (dir) rmSync(dir, { recursive: true, force: true });
  h = undefined;
  dir = undefined;
  mounted = false;
});

/** A fresh tmpfs of `size` (needs root and mount rights; fails loudly without them). */
function mountTmpfs(size: string): string {
  const at = mkdtempSync(join(tmpdir(), 'outflow-full-disk-'));
  dir = at;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', at], { stdio: 'pipe' });
  } catch (err) {
    throw new Error(`This test mounts a small tmpfs and needs root with mount rights: ${(err as Error).message}`);
  }
  mounted = true;
  return at;
}

/** Writes `file` until the disk is full; the bytes written. */
function fillDisk(file: string): number {
  const fd = openSync(file, 'w');
  let written = 0;
  try {
    for (const size of [1024 * 1024, 64 * 1024, 4096, 512, 1]) {
      const chunk = Buffer.alloc(size, 1);
      for (;;) {
        try {
          written += writeSync(fd, chunk);
        } catch (err) {
          if ((err as { code?: string }).code !== 'ENOSPC') throw err;
          break;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return written;
}

describe('with a full disk (SQLite on a small tmpfs)', () => {
  it('sends each batch once while commits fail, shows the store error, and delivers the backlog once space is freed', async () => {
    const at = mountTmpfs('8m');
    const clock = createManualClock();
    const store = openSqliteStore({ path: join(at, 'outflow.db'), now: () => clock.now() });
    h = await createHarness({ clock, store, options: { concurrency: 2 }, limits: { maxEvents: 100 } });
    const s = await h.createStream();
    await h.ingest('t1', 1000);
    const commits: number[] = [];
    const commit = store.streams.commitDelivery.bind(store.streams);
    store.streams.commitDelivery = (id, c) => {
      commits.push(clock.now());
      return commit(id, c);
    };
    const filler = join(at, 'filler');
    expect(fillDisk(filler)).toBeGreaterThan(0);

    await h.supervisor.start();
    for (let i = 0; i < 120; i++) await h.clock.advance(1000);
    const dupes = h.dest.accepted.length - new Set(h.dest.accepted).size;
    expect(dupes, `${dupes} duplicate deliveries while the disk was full`).toBe(0);
    expect(h.dest.calls.map((c) => c.seqs[0])).toEqual([1, 101]);
    const times = [...new Set(commits)];
    expect(times.slice(1).map((t, i) => t - (times[i] as number))).toEqual([30_000, 60_000]);
    expect((await h.stream(s.id)).state.cursor).toBe(0);
    const status = h.supervisor.workerStatus(s.id);
    expect(status).toMatchObject({ state: 'backing_off', lastError: { kind: 'store' } });
    expect(status?.lastError?.message).toMatch(/SQLITE_FULL|disk is full/);

    rmSync(filler);
    const from = h.clock.now();
    while ((await h.stream(s.id)).state.cursor < 1000 && h.clock.now() - from < 11 * 60_000) await h.clock.advance(1000);
    expect((await h.stream(s.id)).state).toMatchObject({ cursor: 1000, delivered: 1000 });
    expect(new Set(h.dest.accepted).size).toBe(1000);
    expect(h.dest.accepted).toHaveLength(1000);
    expect(h.supervisor.workerStatus(s.id)).toMatchObject({ state: 'idle', lastError: null });
    expect((await h.store.health.list(s.id))[0]).toMatchObject({ kind: 'recovered' });
  });
});
