// The delivery observer: attempts, acceptances, retries, failed rounds and dead letters as the runner's metrics see them.
import { DeliveryError, type DeliveryResult, type LogBatch } from '@outflow/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeliveryObserver } from '../src/index.js';
import { success } from './helpers/fake-connector.js';
import { createHarness, type Harness } from './helpers/harness.js';

const unavailable = (): DeliveryResult => ({ status: 'retryable', error: new DeliveryError('transient', 'HTTP 503.', { status: 503 }) });
const invalid = (): DeliveryResult => ({ status: 'permanent', error: new DeliveryError('invalid', 'HTTP 400.', { status: 400 }) });

interface Seen {
  attempts: string[];
  accepted: Array<[number, number]>;
  retried: number;
  failed: number;
  dead: number;
  streams: Set<string>;
}

function recorder(): { seen: Seen; observer: DeliveryObserver } {
  const seen: Seen = { attempts: [], accepted: [], retried: 0, failed: 0, dead: 0, streams: new Set() };
  const note = (s: { id: string; type: string }) => seen.streams.add(`${s.id}/${s.type}`);
  return {
    seen,
    observer: {
      attempt: (s, ms, outcome) => (note(s), seen.attempts.push(`${outcome}:${ms}`)),
      accepted: (s, n, firstSeq) => (note(s), seen.accepted.push([n, firstSeq])),
      retried: (s, n) => (note(s), (seen.retried += n)),
      failed: (s, n) => (note(s), (seen.failed += n)),
      deadLettered: (s, n) => (note(s), (seen.dead += n)),
    },
  };
}

let h: Harness;
afterEach(async () => {
  await h?.supervisor.stop(0);
});

describe('delivery observer', () => {
  it('sees each attempt, the retries of a failed round and of the next round, and the acceptance', async () => {
    const { seen, observer } = recorder();
    const calls = { n: 0 };
    h = await createHarness({ observer, script: () => (++calls.n <= 3 ? unavailable() : success) });
    const s = await h.createStream();
    await h.supervisor.start();
    const seqs = await h.ingest('t1', 5);
    await h.flush();
    await h.clock.advance(1000);
    await h.clock.advance(2000);
    // The round's 3 attempts failed: 2 retries of 5 events, one failed round.
    expect(seen.attempts).toEqual(['retryable:0', 'retryable:0', 'retryable:0']);
    expect(seen.retried).toBe(10);
    expect(seen.failed).toBe(5);
    expect(seen.accepted).toEqual([]);
    await h.clock.advance(30_000);
    expect(seen.attempts.at(-1)).toBe('success:0');
    expect(seen.retried).toBe(15);
    expect(seen.accepted).toEqual([[5, seqs[0]]]);
    expect(seen.dead).toBe(0);
    expect(seen.streams).toEqual(new Set([`${s.id}/fake`]));
  });

  it('counts the events bisection sets aside as dead letters once, and the others as accepted', async () => {
    const { seen, observer } = recorder();
    let poisoned = -1;
    h = await createHarness({ observer, script: (batch: LogBatch) => (batch.seqs.includes(poisoned) ? invalid() : success) });
    await h.createStream();
    await h.supervisor.start();
    const seqs = await h.ingest('t1', 8);
    poisoned = seqs[5] as number;
    await h.flush();
    await h.clock.advance(0);
    await h.flush();
    expect(seen.dead).toBe(1);
    expect(seen.accepted.reduce((n, [k]) => n + k, 0)).toBe(7);
    expect(seen.retried).toBe(0);
    expect(seen.attempts.filter((a) => a.startsWith('permanent')).length).toBeGreaterThan(1);
  });

  it('keeps delivering when the observer throws', async () => {
    const boom = () => {
      throw new Error('observer failed');
    };
    h = await createHarness({ observer: { attempt: boom, accepted: boom, retried: boom, failed: boom, deadLettered: boom } });
    const s = await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 3);
    await h.flush();
    expect(h.dest.accepted).toEqual([1, 2, 3]);
    expect((await h.stream(s.id)).state.delivered).toBe(3);
  });
});
