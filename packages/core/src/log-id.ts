// Assigns Auth0-style log_ids: 56 digits, "900" + UTC timestamp + node + counter, time-ordered.
import { randomInt } from 'node:crypto';

export interface LogIdGenerator {
  next(now?: number): string;
}

function stamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}${p(d.getUTCMilliseconds(), 3)}`;
}

/**
 * IDs sort by time (string order) within one generator; a random 12-digit node part keeps
 * generators in different processes apart.
 */
export function createLogIdGenerator(node = String(randomInt(0, 1e12)).padStart(12, '0')): LogIdGenerator {
  let lastMs = 0;
  let lastStamp = '';
  let counter = 0;
  return {
    next(now = Date.now()): string {
      const ms = Math.max(now, lastMs);
      if (ms !== lastMs) {
        lastMs = ms;
        lastStamp = stamp(ms);
        counter = 0;
      } else counter++;
      return `900${lastStamp}${node}${String(counter).padStart(24, '0')}`;
    },
  };
}
