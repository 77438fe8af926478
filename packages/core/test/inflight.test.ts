import { describe, expect, it } from 'vitest';
import { createInflight } from '../src/index.js';

describe('createInflight', () => {
  it('waits for tracked work before releasing once, and reports closed at once', async () => {
    const inflight = createInflight();
    let finish!: () => void;
    const work = inflight.track(new Promise<void>((r) => (finish = r)));
    const failing = inflight.track(Promise.reject(new Error('expected')));
    await expect(failing).rejects.toThrow('expected');
    let released = 0;
    const first = inflight.close(() => void released++);
    expect(inflight.closed).toBe(true);
    await new Promise((r) => setImmediate(r));
    expect(released).toBe(0);
    finish();
    await work;
    await first;
    expect(released).toBe(1);
    expect(inflight.close(() => void released++)).toBe(first);
    await first;
    expect(released).toBe(1);
  });
});
