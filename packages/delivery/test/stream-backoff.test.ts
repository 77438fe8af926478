// Stream backoff: failed rounds back off per stream, and the first success wakes every waiting batch.
import { DeliveryError, type DeliveryResult } from '@outflow/core';
import { afterEach, describe, expect, it } from 'vitest';
import { success } from './helpers/fake-connector.js';
import { createHarness, type Harness } from './helpers/harness.js';

const unavailable = (): DeliveryResult => ({
  status: 'retryable',
  error: new DeliveryError('transient', 'The destination answered HTTP 503.', { status: 503 }),
});

let h: Harness;
afterEach(async () => {
  await h?.supervisor.stop(0);
});

/** A destination down until `up` is set; the stream has `events` of backlog in batches of 100. */
async function outage(events: number) {
  const dest = { up: false };
  h = await createHarness({
    options: { concurrency: 2 },
    limits: { maxEvents: 100 },
    script: () => (dest.up ? success : unavailable()),
  });
  const s = await h.createStream();
  await h.ingest('t1', events);
  await h.supervisor.start();
  return { dest, s };
}

/** Steps the clock a second at a time until the cursor reaches `last`; the time that took. */
async function drainTime(id: string, last: number, limitMs: number): Promise<number> {
  const from = h.clock.now();
  while ((await h.stream(id)).state.cursor < last && h.clock.now() - from < limitMs) await h.clock.advance(1000);
  return h.clock.now() - from;
}

const firstSuccessAt = () => h.dest.calls.find((c) => c.result?.status === 'success')?.at as number;

describe('stream backoff', () => {
  for (const [label, outageMs] of [
    ['60 s', 60_000],
    ['15 min', 15 * 60_000],
  ] as const) {
    it(`after a ${label} outage with concurrency 2, the whole backlog is delivered within seconds of the first success`, async () => {
      const { dest, s } = await outage(1000);
      await h.clock.advance(outageMs);
      dest.up = true;
      const recoveredAt = h.clock.now();
      // The first success comes at the stream's next round; from then on, nothing waits for old timers.
      await drainTime(s.id, 1000, 11 * 60_000);
      const first = firstSuccessAt();
      expect(first).toBeGreaterThanOrEqual(recoveredAt);
      const drainedAt = h.clock.now();
      expect(drainedAt - first, `drained ${(drainedAt - first) / 1000} s after the first success`).toBeLessThanOrEqual(1000);
      expect(new Set(h.dest.accepted).size).toBe(1000);
      expect((await h.stream(s.id)).state).toMatchObject({ cursor: 1000, failingSince: null });
      const records = await h.store.health.list(s.id);
      expect(records[0]?.kind).toBe('recovered');
      expect(records.filter((r) => r.kind === 'recovered')).toHaveLength(1);
      expect(h.supervisor.workerStatus(s.id)).toMatchObject({ state: 'idle', lastError: null });
    });
  }

  it('grows the round backoff once per stream round, not once per batch in flight', async () => {
    await outage(400);
    // Round 1 fails after its 3 attempts (1 s + 2 s); then the stream waits 30 s, 60 s, 120 s.
    await h.clock.advance(3000 + 30_000 + 3000 + 60_000 + 3000 + 120_000 + 3000);
    const times = [...new Set(h.dest.calls.map((c) => c.at))].map((t) => t - (h.dest.calls[0]?.at as number));
    expect(times).toEqual([0, 1000, 3000, 33_000, 34_000, 36_000, 96_000, 97_000, 99_000, 219_000, 220_000, 222_000]);
    // Both batches take part in every attempt.
    expect(h.dest.calls).toHaveLength(24);
    const status = h.supervisor.workerStatus((await h.store.streams.list())[0]?.id as string);
    expect(status).toMatchObject({ state: 'backing_off', nextAttemptAt: (h.dest.calls[0]?.at as number) + 222_000 + 240_000 });
  });

  it('a success of one batch wakes the other from its attempt backoff at once', async () => {
    let calls = 0;
    h = await createHarness({
      options: { concurrency: 2, attemptBackoff: { initial: 60_000, max: 60_000 } },
      limits: { maxEvents: 100 },
      // The first batch's first attempt fails; the second batch succeeds.
      script: (batch) => (batch.seqs[0] === 1 && ++calls === 1 ? unavailable() : success),
    });
    const s = await h.createStream();
    await h.ingest('t1', 200);
    await h.supervisor.start();
    await h.flush();
    await h.clock.advance(1000);
    expect(h.dest.calls.filter((c) => c.seqs[0] === 1)).toHaveLength(2);
    expect((await h.stream(s.id)).state.cursor).toBe(200);
  });

  it('a partial result wakes other batches but still waits its own attempt backoff before retrying the rest', async () => {
    h = await createHarness({
      limits: { maxEvents: 2 },
      script: (_b, call) => (call === 1 ? { status: 'partial', failed: [{ index: 1, retryable: true, reason: 'Throttled.' }] } : success),
    });
    const s = await h.createStream();
    await h.ingest('t1', 2);
    await h.supervisor.start();
    await h.flush();
    expect(h.dest.calls).toHaveLength(1);
    await h.clock.advance(999);
    expect(h.dest.calls).toHaveLength(1);
    await h.clock.advance(1);
    expect(h.dest.calls.map((c) => c.seqs)).toEqual([[1, 2], [2]]);
    expect((await h.stream(s.id)).state.cursor).toBe(2);
  });
});
