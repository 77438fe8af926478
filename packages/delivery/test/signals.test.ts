// Linked signals and the tenant notifier: abort propagation, detaching, wake-ups per tenant.
import { getEventListeners } from 'node:events';
import { createMemoryStore, prepareBatch } from '@outflow/core/testing';
import { describe, expect, it } from 'vitest';
import { linkSignals } from '../src/linked-signal.js';
import { createTenantNotifier } from '../src/tenant-notifier.js';

describe('linkSignals', () => {
  it('aborts with a parent and leaves no listener behind once disposed', () => {
    const parent = new AbortController();
    for (let i = 0; i < 100; i++) linkSignals(parent.signal).dispose();
    expect(getEventListeners(parent.signal, 'abort')).toHaveLength(0);
    const other = new AbortController();
    const link = linkSignals(parent.signal, other.signal);
    other.abort('why');
    expect(link.signal.aborted).toBe(true);
    expect(link.signal.reason).toBe('why');
    expect(getEventListeners(parent.signal, 'abort')).toHaveLength(0);
  });
});

describe('tenant notifier', () => {
  it('wakes only the waiters of the tenant that grew, and never misses an append before the wait', async () => {
    const store = createMemoryStore();
    const notifier = createTenantNotifier(store.events);
    const never = new AbortController().signal;
    const woke: string[] = [];
    void notifier.wait('a', notifier.version('a'), never).then(() => woke.push('a'));
    void notifier.wait('b', notifier.version('b'), never).then(() => woke.push('b'));
    const seen = notifier.version('a');
    await store.events.append(prepareBatch('a', [{ type: 's' }]));
    await new Promise((r) => setImmediate(r));
    expect(woke).toEqual(['a']);
    await expect(notifier.wait('a', seen, never)).resolves.toBeUndefined(); // appended after `seen`
    const stop = new AbortController();
    const waiting = notifier.wait('a', notifier.version('a'), stop.signal);
    stop.abort(new Error('stopped'));
    await expect(waiting).rejects.toThrow('stopped');
    notifier.close();
  });
});
