// One sender per source: sends to the same Sumo source wait their turn, across connectors; an aborted wait takes no turn.
import { startFakeServer, type FakeServer } from '@outflow/connector-testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { acquire, laneKey, laneLoad } from '../src/source-gate.js';
import { connect, goldenBatch, never } from './fixtures.js';

describe('source lanes', () => {
  it('lets `limit` holders through, queues the rest in order, and frees the lane when idle', async () => {
    const key = laneKey('https://example.test/receiver/v1/http/abc');
    const first = await acquire(key, 1, never());
    expect(first).toBeTypeOf('function');
    const order: string[] = [];
    const second = acquire(key, 1, never()).then((r) => (order.push('second'), r));
    const third = acquire(key, 1, never()).then((r) => (order.push('third'), r));
    await Promise.resolve();
    expect(laneLoad(key)).toEqual({ active: 1, waiting: 2 });
    first!();
    first!(); // a second release is a no-op
    (await second)!();
    (await third)!();
    expect(order).toEqual(['second', 'third']);
    expect(laneLoad(key)).toEqual({ active: 0, waiting: 0 });
  });

  it('an abort while waiting resolves undefined and takes no place', async () => {
    const key = laneKey('https://example.test/receiver/v1/http', 'token');
    expect(key).not.toBe(laneKey('https://example.test/receiver/v1/http', 'other'));
    const held = await acquire(key, 1, never());
    const abort = new AbortController();
    const waiting = acquire(key, 1, abort.signal);
    abort.abort();
    expect(await waiting).toBeUndefined();
    expect(laneLoad(key)).toEqual({ active: 1, waiting: 0 });
    held!();
    expect(await acquire(key, 1, AbortSignal.abort())).toBeUndefined();
    expect(laneLoad(key)).toEqual({ active: 0, waiting: 0 });
  });
});

describe('sends to one source', () => {
  let fake: FakeServer | undefined;
  afterEach(() => fake?.close());

  /** A source that answers after 50 ms and records the most requests it had open at once. */
  async function slowSource() {
    let open = 0;
    let most = 0;
    fake = await startFakeServer(async () => {
      most = Math.max(most, ++open);
      await new Promise((r) => setTimeout(r, 50));
      open--;
      return { status: 200 };
    });
    return { url: `${fake.url}/receiver/v1/http/ZaVnC4dhaV3laneTest0123456789`, most: () => most };
  }

  it('are one at a time by default, even from two streams', async () => {
    const source = await slowSource();
    const a = connect({ sumoSourceAddress: source.url });
    const b = connect({ sumoSourceAddress: source.url });
    const results = await Promise.all([a, b, a, b].map((c) => c.send(goldenBatch(), never())));
    expect(results.every((r) => r.status === 'success')).toBe(true);
    expect(fake!.requests).toHaveLength(4);
    expect(source.most()).toBe(1);
    await Promise.all([a.close(), b.close()]);
  });

  it('go up to sumoConcurrency at once when configured', async () => {
    const source = await slowSource();
    const c = connect({ sumoSourceAddress: source.url, sumoConcurrency: 3 });
    await Promise.all(Array.from({ length: 6 }, () => c.send(goldenBatch(), never())));
    expect(source.most()).toBe(3);
    await c.close();
  });

  it('a send whose attempt ends while it waits is retryable and sends nothing', async () => {
    const source = await slowSource();
    const c = connect({ sumoSourceAddress: source.url });
    const first = c.send(goldenBatch(), never());
    const result = await c.send(goldenBatch(), AbortSignal.timeout(10));
    expect(result).toMatchObject({ status: 'retryable', error: { kind: 'transient' } });
    expect(result.status === 'retryable' && result.error.message).toMatch(/waiting for its turn/);
    expect(await first).toEqual({ status: 'success' });
    expect(fake!.requests).toHaveLength(1);
    await c.close();
  });
});

describe('lanes shared by different limits', () => {
  it('lets a waiter in only when its own limit has room, in arrival order', async () => {
    const key = laneKey('https://example.test/receiver/v1/http/mixed');
    const a = await acquire(key, 2, never());
    const b = await acquire(key, 2, never());
    const order: string[] = [];
    const strict = acquire(key, 1, never()).then((r) => (order.push('strict'), r));
    const loose = acquire(key, 2, never()).then((r) => (order.push('loose'), r));
    a!();
    await Promise.resolve();
    // One request is still in flight: the limit-1 waiter at the head must wait, and the one behind it too.
    expect(order).toEqual([]);
    expect(laneLoad(key)).toEqual({ active: 1, waiting: 2 });
    b!();
    const s = await strict;
    // The limit-1 holder is alone; the limit-2 waiter joins it.
    const l = await loose;
    expect(order).toEqual(['strict', 'loose']);
    s!();
    l!();
    expect(laneLoad(key)).toEqual({ active: 0, waiting: 0 });
  });
});
