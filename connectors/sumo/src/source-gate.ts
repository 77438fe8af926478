// One sender per Sumo source: requests to the same source wait their turn, across every stream of the runner.
import { createHash } from 'node:crypto';

interface Lane {
  active: number;
  waiting: Array<() => void>;
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

/**
 * Waits until fewer than `limit` requests to the source are in flight, then takes a place and
 * resolves its release (call it once, when the request is answered). Resolves undefined, taking
 * nothing, when `signal` aborts first (the attempt's deadline, or close).
 */
export function acquire(key: string, limit: number, signal: AbortSignal): Promise<(() => void) | undefined> {
  const lane = lanes.get(key) ?? { active: 0, waiting: [] };
  lanes.set(key, lane);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    lane.active--;
    lane.waiting.shift()?.();
    if (lane.active === 0 && lane.waiting.length === 0) lanes.delete(key);
  };
  if (signal.aborted) {
    if (lane.active === 0 && lane.waiting.length === 0) lanes.delete(key);
    return Promise.resolve(undefined);
  }
  if (lane.active < limit) {
    lane.active++;
    return Promise.resolve(release);
  }
  return new Promise((resolve) => {
    const turn = () => {
      signal.removeEventListener('abort', abort);
      lane.active++;
      resolve(release);
    };
    const abort = () => {
      const at = lane.waiting.indexOf(turn);
      if (at >= 0) lane.waiting.splice(at, 1);
      if (lane.active === 0 && lane.waiting.length === 0) lanes.delete(key);
      resolve(undefined);
    };
    lane.waiting.push(turn);
    signal.addEventListener('abort', abort, { once: true });
  });
}
