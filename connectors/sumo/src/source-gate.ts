// One sender per Sumo source: requests to the same source wait their turn, across every stream of the runner.
import { createHash } from 'node:crypto';

interface Waiter {
  limit: number;
  take: () => void;
}

interface Lane {
  active: number;
  waiting: Waiter[];
}

/** Lanes by a hash of the source's identity (never the URL or token itself); a lane is dropped when idle. */
const lanes = new Map<string, Lane>();

/** The lane key of a source: its URL plus token (auth-header mode), hashed. */
export const laneKey = (url: string, token = ''): string => createHash('sha256').update(url).update('\n').update(token).digest('hex');

/** Requests in flight and waiting on a source (tests, diagnostics). */
export function laneLoad(key: string): { active: number; waiting: number } {
  const lane = lanes.get(key);
  return { active: lane?.active ?? 0, waiting: lane?.waiting.length ?? 0 };
}

/** Lets waiters in, in order, while the first one's own limit has room; forgets an idle lane. */
function wake(key: string, lane: Lane): void {
  for (let next = lane.waiting[0]; next && lane.active < next.limit; next = lane.waiting[0]) {
    lane.waiting.shift();
    lane.active++;
    next.take();
  }
  if (lane.active === 0 && lane.waiting.length === 0) lanes.delete(key);
}

/**
 * Waits until fewer than `limit` requests to the source are in flight (and nobody waits before
 * this one), then takes a place and resolves its release (call it when the request is answered;
 * later calls do nothing). Resolves undefined, taking nothing, when `signal` aborts first (the
 * attempt's deadline, or close).
 */
export function acquire(key: string, limit: number, signal: AbortSignal): Promise<(() => void) | undefined> {
  const lane = lanes.get(key) ?? { active: 0, waiting: [] };
  lanes.set(key, lane);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    lane.active--;
    wake(key, lane);
  };
  if (signal.aborted) {
    wake(key, lane);
    return Promise.resolve(undefined);
  }
  if (lane.waiting.length === 0 && lane.active < limit) {
    lane.active++;
    return Promise.resolve(release);
  }
  return new Promise((resolve) => {
    const waiter: Waiter = {
      limit,
      take: () => {
        signal.removeEventListener('abort', abort);
        resolve(release);
      },
    };
    const abort = () => {
      const at = lane.waiting.indexOf(waiter);
      if (at >= 0) lane.waiting.splice(at, 1);
      wake(key, lane);
      resolve(undefined);
    };
    lane.waiting.push(waiter);
    signal.addEventListener('abort', abort, { once: true });
  });
}
