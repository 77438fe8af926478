// Suspension: 7 days of failed rounds suspend the stream; only a user's resume restarts it.
import { DeliveryError, type DeliveryResult } from '@outflow/core';
import { afterEach, describe, expect, it } from 'vitest';
import { spanText } from '../src/deliver-part.js';
import { success } from './helpers/fake-connector.js';
import { createHarness, type Harness } from './helpers/harness.js';

const DAY = 86_400_000;
let h: Harness;
afterEach(async () => {
  await h?.supervisor.stop(0);
});

describe('suspension', () => {
  it('suspends after 7 days of failures, sends nothing more, and resumes when the user resumes', async () => {
    let down = true;
    const unavailable: DeliveryResult = { status: 'retryable', error: new DeliveryError('transient', 'The destination answered HTTP 503.', { status: 503 }) };
    h = await createHarness({ script: () => (down ? unavailable : success) });
    const s = await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 3);
    const start = h.clock.now();
    await h.clock.advance(6 * DAY);
    expect((await h.stream(s.id)).status).toBe('active');
    await h.clock.advance(DAY + 15 * 60_000);

    const stream = await h.stream(s.id);
    expect(stream.status).toBe('suspended');
    expect(stream.state.suspendedReason).toMatch(/7(\.\d)? days/);
    expect(stream.state.cursor).toBe(0);
    const records = await h.store.health.list(s.id, { limit: 5 });
    expect(records[0]).toMatchObject({ kind: 'suspended', errorKind: 'transient' });
    expect(records[1]).toMatchObject({ kind: 'delivery_failed' });
    const suspendedAt = records[0]?.at as number;
    expect(suspendedAt - start).toBeGreaterThanOrEqual(7 * DAY);
    expect(suspendedAt - start).toBeLessThan(7 * DAY + 15 * 60_000);
    expect(h.supervisor.workerStatus(s.id)?.state).toBe('suspended');
    expect(h.dest.closed).toBe(1);

    const calls = h.dest.calls.length;
    await h.ingest('t1', 2);
    await h.clock.advance(2 * DAY);
    expect(h.dest.calls).toHaveLength(calls);

    down = false;
    await h.store.streams.setStatus(s.id, 'active', null, h.clock.now());
    await h.supervisor.refresh(s.id);
    await h.clock.advance(0);
    expect(h.dest.accepted).toEqual([1, 2, 3, 4, 5]);
    expect((await h.stream(s.id)).state).toMatchObject({ cursor: 5, failingSince: null });
    expect(h.supervisor.workerStatus(s.id)?.state).toBe('idle');
  });

  it('a success in between resets the failure run (no suspension after 7 non-consecutive days)', async () => {
    let calls = 0;
    h = await createHarness({
      options: { suspendAfter: 2 * DAY, attemptsPerRound: 1 },
      script: () => {
        calls++;
        return calls % 50 === 0 ? success : { status: 'retryable', error: new DeliveryError('transient', 'HTTP 500.', { status: 500 }) };
      },
    });
    const s = await h.createStream();
    await h.supervisor.start();
    // Each batch succeeds on its 50th attempt (~7.5 hours of rounds), then a new batch starts failing.
    for (let i = 0; i < 12; i++) {
      await h.ingest('t1', 1);
      await h.clock.advance(DAY / 2);
    }
    expect((await h.stream(s.id)).status).toBe('active');
    expect((await h.store.health.list(s.id, { limit: 500 })).some((r) => r.kind === 'recovered')).toBe(true);
  });
});

describe('the suspension reason', () => {
  it('names the failing span in the largest unit it fills', () => {
    expect(spanText(7 * 86_400_000)).toBe('7 days');
    expect(spanText(86_400_000)).toBe('1 day');
    expect(spanText(90 * 60_000)).toBe('1.5 hours');
    expect(spanText(4_000)).toBe('4 seconds');
    expect(spanText(1_000)).toBe('1 second');
  });
});
