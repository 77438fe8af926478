// Permanent refusals: bisection to the bad events, 413 splits, partial results, oversized events.
import { DeliveryError, type DeliveryResult, type LogBatch } from '@outflow/core';
import { afterEach, describe, expect, it } from 'vitest';
import { success } from './helpers/fake-connector.js';
import { createHarness, makeEvents, type Harness } from './helpers/harness.js';

const invalid = (extra: { tooLarge?: boolean; status?: number } = {}): DeliveryResult => ({
  status: 'permanent',
  error: new DeliveryError('invalid', `The destination refused the payload (HTTP ${extra.status ?? 400}).`, { status: extra.status ?? 400, ...extra }),
});

let h: Harness;
afterEach(async () => {
  await h?.supervisor.stop(0);
});

describe('bisection and dead letters', () => {
  it('finds one poisoned event in 100: it alone is dead-lettered, the other 99 are delivered, the cursor passes all', async () => {
    const poisoned = 37;
    h = await createHarness({ script: (batch: LogBatch) => (batch.seqs.includes(poisoned) ? invalid() : success) });
    const s = await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 100);
    await h.clock.advance(0);

    const letters = await h.store.deadLetters.list(s.id);
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ seq: poisoned, type: 's', errorKind: 'invalid', status: 400, tenant: 't1' });
    expect(JSON.parse(letters[0]?.raw as string)).toMatchObject({ data: { description: 'event 36' } });
    expect(letters[0]?.logId).toBe(JSON.parse(letters[0]?.raw as string).log_id);

    const accepted = [...h.dest.accepted].sort((a, b) => a - b);
    expect(accepted).toEqual(Array.from({ length: 100 }, (_, i) => i + 1).filter((x) => x !== poisoned));
    expect(new Set(h.dest.accepted).size).toBe(99); // each delivered once
    const stream = await h.stream(s.id);
    expect(stream.state).toMatchObject({ cursor: 100, delivered: 99, deadLettered: 1 });
    const records = await h.store.health.list(s.id);
    expect(records.map((r) => r.kind)).toEqual(['dead_lettered']);
    expect(records[0]).toMatchObject({ count: 1, errorKind: 'invalid', status: 400 });
    expect(h.dest.calls.length).toBeLessThan(20);
  });

  it('gives each half its own attempts (a 503 during bisection is retried, not dead-lettered)', async () => {
    let flaky = true;
    h = await createHarness({
      script: (batch) => {
        if (batch.seqs.includes(2)) return invalid();
        if (batch.length === 2 && flaky) {
          flaky = false;
          return { status: 'retryable', error: new DeliveryError('transient', 'HTTP 503.', { status: 503 }) };
        }
        return success;
      },
    });
    const s = await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 4);
    await h.clock.advance(1000);
    expect((await h.store.deadLetters.list(s.id)).map((l) => l.seq)).toEqual([2]);
    expect([...h.dest.accepted].sort()).toEqual([1, 3, 4]);
    expect((await h.stream(s.id)).state.cursor).toBe(4);
  });

  it('splits on 413 until the parts fit, and dead-letters a single event that is too large', async () => {
    h = await createHarness({
      script: (batch) => (batch.byteLength > 3000 ? invalid({ tooLarge: true, status: 413 }) : success),
    });
    const s = await h.createStream();
    await h.supervisor.start();
    const events = makeEvents(40, (i) => (i === 10 ? { description: 'x'.repeat(4000) } : {}));
    await h.ingest('t1', events);
    await h.clock.advance(0);
    const letters = await h.store.deadLetters.list(s.id);
    expect(letters.map((l) => l.seq)).toEqual([11]);
    expect(letters[0]).toMatchObject({ errorKind: 'invalid', status: 413 });
    expect(new Set(h.dest.accepted).size).toBe(39);
    for (const call of h.dest.calls.filter((c) => c.result?.status === 'success')) expect(call.batch.byteLength).toBeLessThanOrEqual(3000);
    expect((await h.stream(s.id)).state.cursor).toBe(40);
  });

  it('partial results: retries only the retryable failed items; non-retryable items go to dead letters', async () => {
    h = await createHarness({
      script: (_batch, call) =>
        call === 1
          ? {
              status: 'partial',
              failed: [
                { index: 1, retryable: false, reason: 'field user_id is malformed', status: 400 },
                { index: 3, retryable: true, reason: 'busy' },
              ],
            }
          : success,
    });
    const s = await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 5);
    await h.clock.advance(1000);
    expect(h.dest.calls).toHaveLength(2);
    expect(h.dest.calls[1]?.seqs).toEqual([4]);
    const letters = await h.store.deadLetters.list(s.id);
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ seq: 2, errorKind: 'invalid', status: 400, message: 'field user_id is malformed' });
    expect(h.dest.accepted).toEqual([1, 3, 5, 4]);
    expect((await h.stream(s.id)).state).toMatchObject({ cursor: 5, delivered: 4, deadLettered: 1 });
  });

  it('partial results that keep failing count as a failed round; the next round sends only what is left', async () => {
    h = await createHarness({
      options: { attemptsPerRound: 2 },
      script: (batch, call) => (call <= 2 ? { status: 'partial', failed: [{ index: batch.length - 1, retryable: true, reason: 'busy' }] } : success),
    });
    const s = await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 3);
    await h.clock.advance(1000);
    const [record] = await h.store.health.list(s.id);
    expect(record).toMatchObject({ kind: 'delivery_failed', attempts: 2, count: 1 });
    await h.clock.advance(30_000);
    expect(h.dest.calls.map((c) => c.seqs)).toEqual([[1, 2, 3], [3], [3]]);
    expect((await h.stream(s.id)).state.cursor).toBe(3);
  });

  it('dead-letters events above the connector maxEventBytes before sending, naming the limit', async () => {
    h = await createHarness({ limits: { maxEventBytes: 500 } });
    const s = await h.createStream();
    await h.supervisor.start();
    await h.ingest(
      't1',
      makeEvents(3, (i) => (i === 1 ? { description: 'y'.repeat(600) } : {})),
    );
    await h.clock.advance(0);
    expect(h.dest.calls.map((c) => c.seqs)).toEqual([[1, 3]]);
    const letters = await h.store.deadLetters.list(s.id);
    expect(letters.map((l) => l.seq)).toEqual([2]);
    expect(letters[0]?.message).toMatch(/maxEventBytes/);
    expect(letters[0]?.message).toMatch(/500 bytes/);
    expect((await h.stream(s.id)).state).toMatchObject({ cursor: 3, delivered: 2, deadLettered: 1 });
  });
});
