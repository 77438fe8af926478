// Test helpers: temporary store folders and batches of envelopes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LogEnvelope, PreparedBatch } from '@outflow/core';

const made: string[] = [];

/** A fresh folder under the OS temp dir; removed by `removeTempDirs`. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outflow-store-sqlite-'));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

let counter = 0;

/** A batch of `n` envelopes (types cycle through `types`), each about `pad` bytes bigger than minimal. */
export function batchOf(tenant: string, n: number, options: { types?: string[]; pad?: number } = {}): PreparedBatch {
  const types = options.types ?? ['s'];
  const texts: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = ++counter;
    const log_id = `900${String(k).padStart(53, '0')}`;
    const envelope: LogEnvelope = {
      log_id,
      data: {
        log_id,
        type: types[i % types.length] as string,
        date: new Date(Date.UTC(2026, 0, 1) + k).toISOString(),
        tenant,
        k,
        filler: 'x'.repeat(options.pad ?? 0),
      },
    };
    texts.push(`${JSON.stringify(envelope)}\n`);
  }
  const lines = Buffer.from(texts.join(''));
  const ends = new Uint32Array(n);
  let at = 0;
  texts.forEach((t, i) => {
    at += Buffer.byteLength(t);
    ends[i] = at;
  });
  const parsed = texts.map((t) => JSON.parse(t) as LogEnvelope);
  return {
    tenant,
    lines,
    ends,
    logIds: parsed.map((e) => e.log_id),
    types: parsed.map((e) => e.data.type),
    dates: Float64Array.from(parsed.map((e) => Date.parse(e.data.date))),
  };
}
