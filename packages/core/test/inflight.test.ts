// trackInFlight: close waits for the work in flight up to a bound, aborts the requests still open, releases once.
import { describe, expect, it } from 'vitest';
import { CLOSE_WAIT_MS, trackInFlight } from '../src/index.js';
import { createManualClock } from '../src/testing/index.js';

describe('trackInFlight', () => {
  it('closes after the work in flight, releases once and stays closed', async () => {
    const inFlight = trackInFlight(createManualClock());
    let finish!: () => void;
    const work = inFlight.track(new Promise<void>((r) => (finish = r)));
    let released = 0;
    let closed = false;
    const closing = inFlight.close(() => void released++).then(() => (closed = true));
    expect(inFlight.closed).toBe(true);
    await new Promise((r) => setImmediate(r));
    expect([closed, released]).toEqual([false, 0]);
    finish();
    await work;
    await closing;
    expect([closed, released]).toEqual([true, 1]);
    await inFlight.close(() => void released++);
    expect(released).toBe(1);
  });

  it('aborts its signal when the work outlives the bound, then releases', async () => {
    const clock = createManualClock();
    const inFlight = trackInFlight(clock);
    let request: AbortSignal | undefined;
    const work = inFlight.run(
      new AbortController().signal,
      (s) => new Promise<void>((_, reject) => ((request = s), s.addEventListener('abort', () => reject(new Error('aborted'))))),
    );
    let released = false;
    const closing = inFlight.close(() => void (released = true));
    await clock.advance(CLOSE_WAIT_MS - 1);
    expect([request?.aborted, released]).toEqual([false, false]);
    await clock.advance(1);
    await expect(work).rejects.toThrow('aborted');
    await closing;
    expect(released).toBe(true);
    expect(clock.pending()).toBe(0);
  });

  it('runs work with a signal linked to the caller and to the close bound, unlinked afterwards', async () => {
    const clock = createManualClock();
    const inFlight = trackInFlight(clock);
    const caller = new AbortController();
    let seen: AbortSignal | undefined;
    expect(await inFlight.run(caller.signal, async (s) => ((seen = s), 'done'))).toBe('done');
    caller.abort();
    expect(seen?.aborted).toBe(false);
    const other = new AbortController();
    const aborted = inFlight.run(other.signal, (s) => new Promise((_, reject) => s.addEventListener('abort', () => reject(s.reason))));
    other.abort(new Error('attempt over'));
    await expect(aborted).rejects.toThrow('attempt over');
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    const many = Array.from({ length: 20 }, () =>
      inFlight.run(new AbortController().signal, (s) => new Promise<void>((resolve) => s.addEventListener('abort', () => resolve()))),
    );
    const stuck = inFlight.run(new AbortController().signal, (s) => new Promise((_, reject) => s.addEventListener('abort', () => reject(new Error('closed')))));
    const closing = inFlight.close(() => {});
    await clock.advance(CLOSE_WAIT_MS);
    await expect(stuck).rejects.toThrow('closed');
    await Promise.all(many);
    await closing;
    await new Promise((r) => setImmediate(r));
    process.off('warning', onWarning);
    // Twenty requests in flight, each on its own signal: no listener-leak warning.
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });
});
