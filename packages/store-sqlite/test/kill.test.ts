// Durability: a child process appends in a loop and is killed with SIGKILL; every acknowledged event must be intact.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LogEnvelope, Store } from '@outflow/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/index.js';
import { ensureBuilt } from './build-dist.js';
import { batchOf, removeTempDirs, tempDir } from './helpers.js';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'append-loop.mjs');

interface Ack {
  tenant: string;
  firstSeq: number;
  lastSeq: number;
}

/** Runs the fixture until it has acknowledged `wanted` appends, then kills it with SIGKILL. */
async function appendAndKill(dbPath: string, wanted: number): Promise<Ack[]> {
  const child = spawn(process.execPath, [fixture, dbPath, String(256 * 1024)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const acks: Ack[] = [];
  let rest = '';
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString('utf8')).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      const [tenant, first, last] = line.split(' ');
      acks.push({ tenant: tenant as string, firstSeq: Number(first), lastSeq: Number(last) });
    }
    if (acks.length >= wanted) child.kill('SIGKILL');
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  expect(await exited).toBe('SIGKILL');
  clearTimeout(timer);
  return acks;
}

async function readAllOf(store: Store, tenant: string) {
  const out: Array<{ seq: number; envelope: LogEnvelope }> = [];
  let cursor = 0;
  for (;;) {
    const { batch, scannedTo } = await store.events.read({ tenant, afterSeq: cursor, filter: null, maxEvents: 5000, maxBytes: 8 << 20 });
    batch.envelopes().forEach((envelope, i) => out.push({ seq: batch.seqs[i] as number, envelope }));
    if (batch.length === 0 && scannedTo === cursor) return out;
    cursor = scannedTo;
  }
}

describe('kill -9 durability', () => {
  beforeAll(ensureBuilt, 120_000);
  afterAll(removeTempDirs);

  it('keeps every acknowledged append intact and the log readable after SIGKILL mid-stream', async () => {
    const dbPath = path.join(tempDir(), 'data', 'outflow.db');
    const acks = await appendAndKill(dbPath, 400);
    expect(acks.length).toBeGreaterThanOrEqual(400);
    const store = openSqliteStore({ path: dbPath });
    try {
      const seen = new Map<number, { tenant: string; envelope: LogEnvelope }>();
      for (const tenant of ['t0', 't1', 't2', 't3']) {
        for (const { seq, envelope } of await readAllOf(store, tenant)) {
          expect(envelope.data.tenant).toBe(tenant);
          expect(envelope.data.log_id).toBe(envelope.log_id);
          seen.set(seq, { tenant, envelope });
        }
      }
      for (const ack of acks) {
        for (let seq = ack.firstSeq; seq <= ack.lastSeq; seq++) expect(seen.get(seq)?.tenant).toBe(ack.tenant);
      }
      // Everything committed is a contiguous run from 1: a torn write left no hole and no garbage.
      const seqs = [...seen.keys()].sort((a, b) => a - b);
      expect(seqs[0]).toBe(1);
      expect(seqs[seqs.length - 1]).toBe(seqs.length);
      const next = await store.events.append(batchOf('t0', 3));
      expect(next.firstSeq).toBe(seqs.length + 1);
      const tail = await store.events.read({ tenant: 't0', afterSeq: next.firstSeq - 1, filter: null, maxEvents: 10, maxBytes: 1 << 20 });
      expect(tail.batch.seqs).toEqual([next.firstSeq, next.firstSeq + 1, next.lastSeq]);
    } finally {
      await store.close();
    }
  }, 60_000);
});
