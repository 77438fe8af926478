// A clock for tests: time moves only when the test says so, timers fire in order.
import type { Clock, TimerHandle } from '../clock.js';

export interface ManualClock extends Clock {
  /** Moves time forward, firing due timers in order (and letting their promises settle). */
  advance(ms: number): Promise<void>;
  /** Moves time to the next pending timer and fires it; false when none is pending. */
  runNext(): Promise<boolean>;
  pending(): number;
}

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

const flush = async () => {
  for (let i = 0; i < 20; i++) await new Promise<void>((r) => setImmediate(r));
};

export function createManualClock(start = Date.UTC(2026, 0, 1)): ManualClock {
  let now = start;
  let seq = 0;
  const timers = new Set<Timer>();
  const nextDue = (limit: number) => {
    let best: Timer | undefined;
    for (const t of timers) if (t.at <= limit && (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq))) best = t;
    return best;
  };
  const clock: ManualClock = {
    now: () => now,
    setTimeout(fn, ms) {
      const t: Timer = { at: now + Math.max(0, ms), seq: seq++, fn };
      timers.add(t);
      return t as unknown as TimerHandle;
    },
    clearTimeout(h) {
      timers.delete(h as unknown as Timer);
    },
    async advance(ms) {
      const target = now + ms;
      await flush();
      for (let t = nextDue(target); t; t = nextDue(target)) {
        timers.delete(t);
        now = Math.max(now, t.at);
        t.fn();
        await flush();
      }
      now = target;
      await flush();
    },
    async runNext() {
      await flush();
      const t = nextDue(Number.POSITIVE_INFINITY);
      if (!t) return false;
      timers.delete(t);
      now = Math.max(now, t.at);
      t.fn();
      await flush();
      return true;
    },
    pending: () => timers.size,
  };
  return clock;
}
