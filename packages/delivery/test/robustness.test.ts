// Contract breaches and store trouble: rejected sends, failing reads, nothing lost.
import { EgressError, type ReadQuery } from '@outflow/core';
import { afterEach, describe, expect, it } from 'vitest';
import { success } from './helpers/fake-connector.js';
import { createHarness, type Harness } from './helpers/harness.js';

let h: Harness;
afterEach(async () => {
  await h?.supervisor.stop(0);
});

describe('robustness', () => {
  it('a connector that rejects counts as a retryable failure', async () => {
    h = await createHarness({
      script: (_b, call) => {
        if (call === 1) throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
        return success;
      },
    });
    const s = await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 2);
    await h.clock.advance(1000);
    expect(h.dest.calls).toHaveLength(2);
    expect((await h.stream(s.id)).state.cursor).toBe(2);
  });

  it('an egress refusal at send time is a config failure: failed round, no dead letters', async () => {
    h = await createHarness({
      script: (_b, call) => {
        if (call === 1) throw new EgressError('Destination example.com resolves to private address 10.0.0.1.');
        return success;
      },
    });
    const s = await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 1);
    await h.flush();
    expect(h.dest.calls).toHaveLength(1);
    expect((await h.store.health.list(s.id))[0]).toMatchObject({ kind: 'delivery_failed', errorKind: 'config', attempts: 1 });
    await h.clock.advance(30_000);
    expect(h.dest.accepted).toEqual([1]);
    expect(await h.store.deadLetters.count(s.id)).toBe(0);
  });

  it('a failing read is retried later, and no event is skipped', async () => {
    h = await createHarness();
    const s = await h.createStream();
    const read = h.store.events.read.bind(h.store.events);
    let fail = true;
    h.store.events.read = (q: ReadQuery) => (fail ? Promise.reject(new Error('database is locked')) : read(q));
    await h.supervisor.start();
    await h.ingest('t1', 3);
    await h.flush();
    expect(h.dest.calls).toHaveLength(0);
    fail = false;
    await h.clock.advance(30_000);
    expect(h.dest.accepted).toEqual([1, 2, 3]);
    expect((await h.stream(s.id)).state.cursor).toBe(3);
    expect(h.logger.lines.some((l) => l.level === 'error' && l.msg === 'Reading events failed; trying again later.')).toBe(true);
  });

  it('ignores partial results with out-of-range indexes (those events count as accepted)', async () => {
    h = await createHarness({ script: () => ({ status: 'partial', failed: [{ index: 99, retryable: true, reason: 'x' }] }) });
    const s = await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 2);
    await h.flush();
    expect(h.dest.calls).toHaveLength(1);
    expect((await h.stream(s.id)).state.cursor).toBe(2);
  });
});
