// Per-minute stats written by the worker (one upsert per commit or failed round) and redrive of dead letters.
import { DeliveryError, type DeliveryResult, type Store, type StreamCounts } from '@outflow/core';
import { createManualClock, createMemoryStore } from '@outflow/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { success } from './helpers/fake-connector.js';
import { createHarness, type Harness } from './helpers/harness.js';

let h: Harness;
afterEach(async () => {
  await h?.supervisor.stop(0);
});

const refused = (status = 400): DeliveryResult => ({
  status: 'permanent',
  error: new DeliveryError('invalid', `The destination refused the payload (HTTP ${status}).`, { status }),
});
const unavailable: DeliveryResult = { status: 'retryable', error: new DeliveryError('transient', 'HTTP 503.', { status: 503 }) };

/** A memory store whose stats.add calls are recorded. */
function countingStore(now: () => number): { store: Store; adds: Array<Partial<StreamCounts>> } {
  const base = createMemoryStore(now);
  const adds: Array<Partial<StreamCounts>> = [];
  const stats = { ...base.stats, add: (id: string, at: number, c: Partial<StreamCounts>) => (adds.push(c), base.stats.add(id, at, c)) };
  return { store: { ...base, stats }, adds };
}

describe('stream stats', () => {
  it('counts delivered events with one upsert per committed batch, and failed rounds with one per round', async () => {
    let unavailableCalls = 3;
    const clock = createManualClock();
    const { store, adds } = countingStore(() => clock.now());
    h = await createHarness({
      clock,
      store,
      options: { batch: { maxEvents: 100 }, attemptsPerRound: 3, roundBackoff: { initial: 1000, multiplier: 2, max: 10_000 } },
      script: () => (unavailableCalls-- > 0 ? unavailable : success),
    });
    const s = await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 1000);
    await h.clock.advance(60_000);
    expect(new Set(h.dest.accepted).size).toBe(1000);
    expect(adds.filter((a) => a.delivered)).toHaveLength(10);
    expect(adds.filter((a) => a.failedRounds)).toEqual([{ failed: 100, failedRounds: 1 }]);
    expect(await h.store.stats.totals(s.id)).toEqual({ delivered: 1000, failed: 100, deadLettered: 0, failedRounds: 1 });
  });

  it('counts dead letters at commit and purges stats with retention', async () => {
    h = await createHarness({ script: (batch) => (batch.seqs.includes(3) ? refused() : success), options: { retention: 86_400_000 } });
    const s = await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 5);
    await h.clock.advance(0);
    expect(await h.store.stats.totals(s.id)).toMatchObject({ delivered: 4, deadLettered: 1 });
    await h.clock.advance(2 * 86_400_000);
    await h.supervisor.runRetention();
    expect(await h.store.stats.list(s.id, 0, h.clock.now() + 60_000)).toEqual([]);
  });
});

describe('redrive', () => {
  it('re-sends dead letters through normal rounds, removes the accepted ones and leaves the cursor alone', async () => {
    let refusing = true;
    let busy = 0;
    h = await createHarness({
      options: { attemptsPerRound: 3 },
      script: (batch) => {
        if (busy > 0) {
          busy--;
          return unavailable;
        }
        return refusing && batch.seqs.includes(4) ? refused() : success;
      },
    });
    const s = await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 10);
    await h.clock.advance(0);
    expect((await h.store.deadLetters.list(s.id)).map((l) => l.seq)).toEqual([4]);
    const before = await h.stream(s.id);
    refusing = false;
    busy = 2;
    expect(await h.supervisor.redrive(s.id)).toBe(1);
    await h.clock.advance(60_000);
    expect(await h.store.deadLetters.count(s.id)).toBe(0);
    expect(h.dest.accepted.filter((seq) => seq === 4)).toHaveLength(1);
    expect(busy).toBe(0);
    const after = await h.stream(s.id);
    expect(after.state.cursor).toBe(before.state.cursor);
    expect(after.state.delivered).toBe(before.state.delivered + 1);
    expect((await h.store.health.list(s.id)).find((r) => r.kind === 'redriven')).toMatchObject({ count: 1 });
    expect(await h.store.stats.totals(s.id)).toMatchObject({ delivered: 10, deadLettered: 1 });
  });

  it('keeps a letter refused again with the new error, and redrives only the given ids', async () => {
    let phase = 1;
    h = await createHarness({
      script: (batch) => (phase === 1 ? (batch.seqs.some((q) => q === 2 || q === 5) ? refused() : success) : batch.seqs.includes(2) ? refused(422) : success),
    });
    const s = await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 6);
    await h.clock.advance(0);
    const letters = await h.store.deadLetters.list(s.id);
    expect(letters.map((l) => l.seq)).toEqual([2, 5]);
    phase = 2;
    expect(await h.supervisor.redrive(s.id, [letters[0]?.id as number, 999_999])).toBe(1);
    await h.clock.advance(0);
    const left = await h.store.deadLetters.list(s.id);
    expect(left.map((l) => [l.seq, l.status])).toEqual([
      [5, 400],
      [2, 422],
    ]);
    expect(left[1]?.raw).toBe(letters[0]?.raw);
    expect(h.dest.accepted).not.toContain(5);
  });

  it('answers null for a paused stream', async () => {
    h = await createHarness();
    const s = await h.createStream({ status: 'paused' });
    await h.supervisor.start();
    expect(await h.supervisor.redrive(s.id)).toBeNull();
    expect(await h.supervisor.redrive('nope')).toBeNull();
  });
});
