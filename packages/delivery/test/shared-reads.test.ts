// Shared reads and the in-flight budget: streams asking for the same events share one batch.
import { compileFilter } from '@outflow/core';
import { createMemoryStore, prepareBatch } from '@outflow/core/testing';
import { describe, expect, it } from 'vitest';
import { createInflightBudget } from '../src/inflight-budget.js';
import { createSharedReads } from '../src/shared-reads.js';

describe('shared reads', () => {
  it('gives identical queries the same result (one store read), and different ones their own', async () => {
    const store = createMemoryStore();
    await store.events.append(prepareBatch('t', [{ type: 's' }, { type: 'fp' }, { type: 's' }]));
    let calls = 0;
    const read = store.events.read.bind(store.events);
    store.events.read = (q) => (calls++, read(q));
    const shared = createSharedReads(store.events);
    const q = { tenant: 't', afterSeq: 0, filter: compileFilter([{ type: 'category', name: 'auth.login.success' }]), maxEvents: 10, maxBytes: 1e6 };
    const [a, b] = await Promise.all([shared.read(q), shared.read({ ...q, filter: compileFilter([{ type: 'category', name: 'auth.login.success' }]) })]);
    expect(a).toBe(b);
    expect(a.batch.jsonLines()).toBe(b.batch.jsonLines());
    expect(a.batch.types).toEqual(['s', 's']);
    const c = await shared.read(q);
    expect(c).toBe(a);
    expect(calls).toBe(1);
    const d = await shared.read({ ...q, filter: null });
    expect(d.batch.length).toBe(3);
    expect(calls).toBe(2);
  });

  it('repeats empty reads so new events are seen', async () => {
    const store = createMemoryStore();
    const shared = createSharedReads(store.events);
    const q = { tenant: 't', afterSeq: 0, filter: null, maxEvents: 10, maxBytes: 1e6 };
    expect((await shared.read(q)).batch.length).toBe(0);
    await store.events.append(prepareBatch('t', [{ type: 's' }]));
    expect((await shared.read(q)).batch.length).toBe(1);
  });
});

describe('in-flight budget', () => {
  it('makes workers wait until bytes are released, in order, and lets an oversized batch run alone', async () => {
    const budget = createInflightBudget(100);
    const signal = new AbortController().signal;
    expect(await budget.acquire(60, signal)).toBe(true);
    const order: string[] = [];
    const second = budget.acquire(60, signal).then((ok) => order.push(`second:${ok}`));
    const big = budget.acquire(500, signal).then((ok) => order.push(`big:${ok}`));
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual([]);
    budget.release(60);
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual(['second:true']);
    budget.release(60);
    await big;
    expect(order).toEqual(['second:true', 'big:true']);
    expect(budget.used).toBe(500);
  });

  it('also caps the number of batches in flight', async () => {
    const budget = createInflightBudget(1_000_000, 2);
    const signal = new AbortController().signal;
    await budget.acquire(1, signal);
    await budget.acquire(1, signal);
    let third = false;
    const waiting = budget.acquire(1, signal).then(() => (third = true));
    await new Promise((r) => setImmediate(r));
    expect(third).toBe(false);
    budget.release(1);
    await waiting;
    expect(third).toBe(true);
  });

  it('gives up waiting when the signal aborts', async () => {
    const budget = createInflightBudget(10);
    const ctl = new AbortController();
    await budget.acquire(10, ctl.signal);
    const waiting = budget.acquire(5, ctl.signal);
    ctl.abort();
    expect(await waiting).toBe(false);
    budget.release(10);
    expect(budget.used).toBe(0);
  });
});
