// Graceful stop: in-flight requests finish until the deadline, then abort; nothing is lost.
import { DeliveryError, type DeliveryResult } from '@outflow/core';
import { afterEach, describe, expect, it } from 'vitest';
import { success } from './helpers/fake-connector.js';
import { createHarness, type Harness } from './helpers/harness.js';

let h: Harness;
afterEach(async () => {
  await h?.supervisor.stop(0);
});

const track = (p: Promise<void>) => {
  const state = { done: false };
  void p.then(() => (state.done = true));
  return state;
};

describe('stop', () => {
  it('aborts a send still in flight at the deadline; a new supervisor delivers everything, duplicates only from that batch', async () => {
    h = await createHarness({
      limits: { maxEvents: 5 },
      script: (_b, call) => (call === 2 ? new Promise<DeliveryResult>(() => undefined) : success),
    });
    const s = await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 12);
    await h.flush();
    expect(h.dest.calls.map((c) => c.seqs)).toEqual([
      [1, 2, 3, 4, 5],
      [6, 7, 8, 9, 10],
    ]);

    const stopped = track(h.supervisor.stop(5000));
    await h.clock.advance(4999);
    expect(stopped.done).toBe(false);
    expect(h.dest.calls[1]?.signal.aborted).toBe(false);
    await h.clock.advance(1);
    expect(stopped.done).toBe(true);
    expect(h.dest.calls[1]?.signal.aborted).toBe(true);
    expect((await h.stream(s.id)).state.cursor).toBe(5);
    expect(h.supervisor.workerStatus(s.id)?.state).toBe('stopped');
    expect(h.dest.closed).toBe(1);

    h.dest.script = () => success;
    h.supervisor = h.newSupervisor();
    await h.supervisor.start();
    await h.flush();
    const sent = h.dest.calls.flatMap((c) => c.seqs);
    expect(new Set(sent)).toEqual(new Set(Array.from({ length: 12 }, (_, i) => i + 1)));
    const twice = [...new Set(sent.filter((q, i) => sent.indexOf(q) !== i))];
    expect(twice).toEqual([6, 7, 8, 9, 10]);
    expect((await h.stream(s.id)).state.cursor).toBe(12);
  });

  it('lets a request that finishes before the deadline commit, and reads nothing more', async () => {
    h = await createHarness({
      limits: { maxEvents: 5 },
      script: () => new Promise<DeliveryResult>((resolve) => h.clock.setTimeout(() => resolve(success), 2000)),
    });
    const s = await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 8);
    await h.flush();
    const stopped = track(h.supervisor.stop(10_000));
    await h.clock.advance(2000);
    expect(stopped.done).toBe(true);
    expect(h.dest.calls).toHaveLength(1);
    expect((await h.stream(s.id)).state).toMatchObject({ cursor: 5, delivered: 5 });
  });

  it('stops at once while backing off, without another attempt', async () => {
    h = await createHarness({ script: () => ({ status: 'retryable', error: new DeliveryError('transient', 'HTTP 503.', { status: 503 }) }) });
    const s = await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 2);
    await h.flush();
    const stopped = track(h.supervisor.stop(10_000));
    await h.flush();
    expect(stopped.done).toBe(true);
    await h.clock.advance(60_000);
    expect(h.dest.calls).toHaveLength(1);
    expect((await h.stream(s.id)).state.cursor).toBe(0);
  });

  it('keeps the delivered prefix of a batch cut short during bisection', async () => {
    h = await createHarness({
      script: (batch, call) => {
        if (call === 1) return { status: 'permanent', error: new DeliveryError('invalid', 'HTTP 400.', { status: 400 }) };
        if (batch.seqs[0] === 1) return success;
        return new Promise<DeliveryResult>(() => undefined);
      },
    });
    const s = await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 4);
    await h.flush();
    expect(h.dest.calls.map((c) => c.seqs)).toEqual([
      [1, 2, 3, 4],
      [1, 2],
      [3, 4],
    ]);
    await h.supervisor.stop(0);
    expect((await h.stream(s.id)).state).toMatchObject({ cursor: 2, delivered: 2 });
    expect(await h.store.deadLetters.count(s.id)).toBe(0);
  });
});
