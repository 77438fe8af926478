// Store write failures (a full disk): the worker backs off, keeps what the destination accepted, and recovers.
import { DeliveryError, type DeliveryResult } from '@outflow/core';
import { afterEach, describe, expect, it } from 'vitest';
import { failWrites, type FaultyWrite, type StoreFault } from './helpers/failing-store.js';
import { success } from './helpers/fake-connector.js';
import { createHarness, type Harness } from './helpers/harness.js';

let h: Harness;
afterEach(async () => {
  await h?.supervisor.stop(0);
});

async function start(events: number, writes?: readonly FaultyWrite[], script?: (batch: { seqs: readonly number[] }) => DeliveryResult) {
  h = await createHarness({ options: { concurrency: 2 }, limits: { maxEvents: 100 }, ...(script ? { script } : {}) });
  const fault = failWrites(h.store, () => h.clock.now(), writes);
  const s = await h.createStream();
  await h.ingest('t1', events);
  fault.failing = true;
  await h.supervisor.start();
  return { fault, s };
}

const duplicates = () => h.dest.accepted.length - new Set(h.dest.accepted).size;
/** Gaps between the distinct times a cursor commit was tried. */
const commitGaps = (fault: StoreFault) => {
  const times = [...new Set(fault.commitTimes)];
  return times.slice(1).map((t, i) => t - (times[i] as number));
};

async function stepUntil(done: () => Promise<boolean>, limitMs: number): Promise<void> {
  const from = h.clock.now();
  while (!(await done()) && h.clock.now() - from < limitMs) await h.clock.advance(1000);
}

describe('store write failures', () => {
  it('with a full disk for 5 minutes, sends each batch once, backs off with growing delays, and recovers without restart', async () => {
    const { fault, s } = await start(1000);
    for (let i = 0; i < 300; i++) await h.clock.advance(1000);
    const dupes = duplicates();
    expect(dupes, `${dupes} duplicate deliveries of ${h.dest.accepted.length} while the disk was full`).toBe(0);
    // The batches in flight were delivered once; nothing else is sent while their commit fails.
    expect(h.dest.calls.map((c) => c.seqs[0])).toEqual([1, 101]);
    expect(commitGaps(fault)).toEqual([30_000, 60_000, 120_000]);
    const status = h.supervisor.workerStatus(s.id);
    expect(status?.state).toBe('backing_off');
    expect(status?.nextAttemptAt).toBe((fault.commitTimes.at(-1) as number) + 240_000);
    expect(status?.lastError).toMatchObject({ kind: 'store' });
    expect(status?.lastError?.message).toContain('ENOSPC');

    fault.failing = false;
    await stepUntil(async () => (await h.stream(s.id)).state.cursor === 1000, 11 * 60_000);
    expect((await h.stream(s.id)).state).toMatchObject({ cursor: 1000, delivered: 1000 });
    expect(new Set(h.dest.accepted).size).toBe(1000);
    expect(duplicates()).toBe(0);
    expect(h.supervisor.workerStatus(s.id)).toMatchObject({ state: 'idle', lastError: null });
  });

  it('records the store error with its cause in health, and says recovered only once commits work again', async () => {
    const { fault, s } = await start(300, ['commit']);
    await h.clock.advance(1000);
    let records = await h.store.health.list(s.id);
    expect(records[0]).toMatchObject({ kind: 'delivery_failed', errorKind: 'store' });
    expect(records[0]?.message).toContain('ENOSPC');
    await h.clock.advance(100_000);
    records = await h.store.health.list(s.id);
    expect(records.map((r) => r.kind)).not.toContain('recovered');
    expect(records.filter((r) => r.errorKind === 'store').length).toBe(3); // at 0 s, 30 s, 90 s
    expect(h.supervisor.workerStatus(s.id)?.lastError).toMatchObject({ kind: 'store' });

    fault.failing = false;
    await stepUntil(async () => (await h.stream(s.id)).state.cursor === 300, 200_000);
    records = await h.store.health.list(s.id);
    expect(records[0]).toMatchObject({ kind: 'recovered' });
    expect(records.filter((r) => r.kind === 'recovered')).toHaveLength(1);
    expect(duplicates()).toBe(0);
  });

  for (const failing of [['commit'], ['deadLetters']] as const) {
    it(`stores a dead letter exactly once when ${failing[0] === 'commit' ? 'the cursor commit after it' : 'the dead-letter write'} fails for a while`, async () => {
      const refused = (batch: { seqs: readonly number[] }): DeliveryResult =>
        batch.seqs.includes(5) ? { status: 'permanent', error: new DeliveryError('invalid', 'HTTP 400.', { status: 400 }) } : success;
      const { fault, s } = await start(50, failing, refused);
      await h.clock.advance(100_000);
      expect(h.supervisor.workerStatus(s.id)?.lastError).toMatchObject({ kind: 'store' });
      if (failing[0] === 'commit') expect(fault.commitTimes.length).toBeGreaterThanOrEqual(3);
      else expect(await h.store.deadLetters.count(s.id)).toBe(0);
      fault.failing = false;
      await stepUntil(async () => (await h.stream(s.id)).state.cursor === 50, 200_000);
      expect((await h.stream(s.id)).state).toMatchObject({ cursor: 50, delivered: 49, deadLettered: 1 });
      expect(await h.store.deadLetters.count(s.id)).toBe(1);
      expect(duplicates()).toBe(0);
    });
  }

  it('backs off with growing delays when reading the stream fails', async () => {
    h = await createHarness({ limits: { maxEvents: 100 } });
    const s = await h.createStream();
    await h.ingest('t1', 10);
    const read = h.store.events.read.bind(h.store.events);
    const reads: number[] = [];
    let failing = true;
    h.store.events.read = async (q) => {
      reads.push(h.clock.now());
      if (failing) throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
      return read(q);
    };
    await h.supervisor.start();
    await h.clock.advance(3 * 60_000);
    const gaps = reads.slice(1).map((t, i) => t - (reads[i] as number));
    expect(gaps).toEqual([30_000, 60_000]);
    expect(h.supervisor.workerStatus(s.id)?.lastError).toMatchObject({ kind: 'store' });
    failing = false;
    await stepUntil(async () => (await h.stream(s.id)).state.cursor === 10, 5 * 60_000);
    expect(h.dest.accepted).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
