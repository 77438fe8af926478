// Integration with the real SQLite store: bisection, retries, restart over the same files.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeliveryError, type DeliveryResult } from '@outflow/core';
import { createManualClock } from '@outflow/core/testing';
import { openSqliteStore } from '@outflow/store-sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { success } from './helpers/fake-connector.js';
import { createHarness, type Harness } from './helpers/harness.js';

let h: Harness | undefined;
let dir: string | undefined;
afterEach(async () => {
  await h?.supervisor.stop(0);
  await h?.store.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  h = undefined;
  dir = undefined;
});

describe('with the SQLite store', () => {
  it('delivers through a failed round and a bisection, and resumes from the stored cursor after a restart', async () => {
    dir = mkdtempSync(join(tmpdir(), 'outflow-delivery-'));
    const path = join(dir, 'outflow.db');
    const clock = createManualClock();
    const poisoned = 23;
    const script = (batch: { seqs: readonly number[] }, call: number): DeliveryResult => {
      if (call === 1) return { status: 'retryable', error: new DeliveryError('transient', 'HTTP 503.', { status: 503 }) };
      if (batch.seqs.includes(poisoned)) return { status: 'permanent', error: new DeliveryError('invalid', 'HTTP 400.', { status: 400 }) };
      return success;
    };
    h = await createHarness({ clock, store: openSqliteStore({ path, now: () => clock.now() }), script });
    const s = await h.createStream({ filters: [{ type: 'type', name: 's' }] });
    await h.supervisor.start();
    const seqs = await h.ingest('t1', 40);
    await h.ingest('t1', [{ type: 'f' }]);
    await h.clock.advance(1000);
    expect((await h.stream(s.id)).state).toMatchObject({ cursor: 41, delivered: 39, deadLettered: 1 });
    expect((await h.store.deadLetters.list(s.id)).map((l) => l.seq)).toEqual([seqs[poisoned - 1]]);
    expect(new Set(h.dest.accepted).size).toBe(39);
    await h.supervisor.stop(0);
    await h.store.close();

    const reopened = openSqliteStore({ path, now: () => clock.now() });
    const again = await createHarness({ clock, store: reopened });
    h = again;
    await again.ingest('t1', 3);
    await again.supervisor.start();
    await again.clock.advance(0);
    expect(again.dest.accepted).toEqual([42, 43, 44]);
    expect((await again.stream(s.id)).state.cursor).toBe(44);
  });
});
