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
    expect(h.dest.calls.map((c) => c.seqs)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(h.supervisor.workerStatus(s.id)).toMatchObject({ state: 'sending', inFlight: 2 });

    held.get(3)?.({ status: 'success' });
    await h.flush();
    expect((await h.stream(s.id)).state.cursor).toBe(0); // batch 2 is done, but batch 1 is not
    expect(h.dest.calls).toHaveLength(2);

    held.get(1)?.({ status: 'success' });
    await h.flush();
    expect(h.dest.calls.map((c) => c.seqs)).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    held.get(5)?.({ status: 'success' });
    await h.flush();
    expect(commits.map((c) => c.cursor)).toEqual([2, 4, 6]);
    expect((await h.stream(s.id)).state).toMatchObject({ cursor: 6, delivered: 6 });
  });

  it('defaults to two requests in flight per stream (DELIVERY_DEFAULTS, as the runner config documents)', async () => {
    const held: Array<(r: DeliveryResult) => void> = [];
    h = await createHarness({ options: { concurrency: undefined }, limits: { maxEvents: 2 }, script: () => new Promise<DeliveryResult>((r) => held.push(r)) });
    const s = await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 6);
    await h.flush();
    expect(h.dest.calls).toHaveLength(2);
    held[0]?.({ status: 'success' });
    await h.flush();
    expect(h.dest.calls).toHaveLength(3);
    expect((await h.stream(s.id)).state.cursor).toBe(2);
  });
});

describe('in-flight budget', () => {
  it('when the budget is full, a stream waits for a place before reading, so waiting streams hold no read events', async () => {
    const held: Array<(r: DeliveryResult) => void> = [];
    h = await createHarness({
      options: { maxInflightBatches: 1 },
      limits: { maxEvents: 2 },
      script: () => new Promise<DeliveryResult>((resolve) => held.push(resolve)),
    });
    const ids = [(await h.createStream()).id, (await h.createStream()).id, (await h.createStream()).id];
    const events = h.store.events;
    const read = events.read.bind(events);
    let withEvents = 0;
    events.read = async (q) => {
      const r = await read(q);
      if (r.batch.length > 0) withEvents++;
      return r;
    };
    await h.supervisor.start();
    await h.ingest('t1', 6);
    await h.flush();
    // The three streams share the first read; one batch fits the budget.
    expect(h.dest.calls).toHaveLength(1);
    expect(withEvents).toBe(1);
    held.shift()?.({ status: 'success' });
    await h.flush();
    // The next stream sends the shared batch; the first one waits for a place instead of reading ahead.
    expect(h.dest.calls).toHaveLength(2);
    expect(withEvents).toBe(1);
    for (let i = 0; i < 20 && held.length > 0; i++) {
      held.shift()?.({ status: 'success' });
      await h.flush();
    }
    for (const id of ids) expect((await h.stream(id)).state).toMatchObject({ cursor: 6, delivered: 6 });
  });
});
