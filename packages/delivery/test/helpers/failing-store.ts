// A store whose writes fail on demand (like a full disk), with the times cursor commits were tried.
import type { Store } from '@outflow/core';

export interface StoreFault {
  /** While true, the chosen writes throw an ENOSPC error. */
  failing: boolean;
  /** Clock times of every cursor commit tried (failed or not). */
  readonly commitTimes: number[];
}

export type FaultyWrite = 'commit' | 'health' | 'deadLetters' | 'stats' | 'streamState';

const ALL: readonly FaultyWrite[] = ['commit', 'health', 'deadLetters', 'stats', 'streamState'];

export function diskFull(): Error {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28 });
}

/** Makes `writes` of `store` throw while `fault.failing`; the store is changed in place. */
export function failWrites(store: Store, now: () => number, writes: readonly FaultyWrite[] = ALL): StoreFault {
  const fault: StoreFault = { failing: false, commitTimes: [] };
  const guard = <A extends unknown[], R>(kind: FaultyWrite, fn: (...args: A) => Promise<R>) => {
    return async (...args: A): Promise<R> => {
      if (fault.failing && writes.includes(kind)) throw diskFull();
      return fn(...args);
    };
  };
  const { streams, health, deadLetters, stats } = store;
  const commit = streams.commitDelivery.bind(streams);
  streams.commitDelivery = async (id, c) => {
    fault.commitTimes.push(now());
    if (fault.failing && writes.includes('commit')) throw diskFull();
    return commit(id, c);
  };
  streams.recordFailure = guard('streamState', streams.recordFailure.bind(streams));
  streams.setStatus = guard('streamState', streams.setStatus.bind(streams));
  streams.addDeadLettered = guard('deadLetters', streams.addDeadLettered.bind(streams));
  health.append = guard('health', health.append.bind(health));
  deadLetters.add = guard('deadLetters', deadLetters.add.bind(deadLetters));
  stats.add = guard('stats', stats.add.bind(stats));
  return fault;
}
