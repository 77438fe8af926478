// Concurrency N > 1: several batches in flight, the cursor advances over the resolved prefix in order.
import type { DeliveryResult, DeliveryCommit } from '@outflow/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './helpers/harness.js';

let h: Harness;
afterEach(async () => {
  await h?.supervisor.stop(0);
});

describe('concurrency', () => {
  it('with concurrency 2 sends two batches at once and commits them in read order', async () => {
    const held = new Map<number, (r: DeliveryResult) => void>();
    h = await createHarness({
      options: { concurrency: 2 },
      limits: { maxEvents: 2 },
      script: (batch) => new Promise<DeliveryResult>((resolve) => held.set(batch.seqs[0] as number, resolve)),
    });
    const s = await h.createStream();
    const commits: DeliveryCommit[] = [];
    const commit = h.store.streams.commitDelivery.bind(h.store.streams);
    h.store.streams.commitDelivery = (id, c) => {
      commits.push(c);
      return commit(id, c);
    };
    await h.supervisor.start();
    await h.ingest('t1', 6);
    await h.flush();
    expect(h.dest.calls.map((c) => c.seqs)).toEqual([[1, 2], [3, 4]]);
    expect(h.supervisor.workerStatus(s.id)).toMatchObject({ state: 'sending', inFlight: 2 });

    held.get(3)?.({ status: 'success' });
    await h.flush();
    expect((await h.stream(s.id)).state.cursor).toBe(0); // batch 2 is done, but batch 1 is not
    expect(h.dest.calls).toHaveLength(2);

    held.get(1)?.({ status: 'success' });
    await h.flush();
    expect(h.dest.calls.map((c) => c.seqs)).toEqual([[1, 2], [3, 4], [5, 6]]);
    held.get(5)?.({ status: 'success' });
    await h.flush();
    expect(commits.map((c) => c.cursor)).toEqual([2, 4, 6]);
    expect((await h.stream(s.id)).state).toMatchObject({ cursor: 6, delivered: 6 });
  });

  it('defaults to one request in flight per stream', async () => {
    const held: Array<(r: DeliveryResult) => void> = [];
    h = await createHarness({ limits: { maxEvents: 2 }, script: () => new Promise<DeliveryResult>((r) => held.push(r)) });
    const s = await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 4);
    await h.flush();
    expect(h.dest.calls).toHaveLength(1);
    held[0]?.({ status: 'success' });
    await h.flush();
    expect(h.dest.calls).toHaveLength(2);
    expect((await h.stream(s.id)).state.cursor).toBe(2);
  });
});
