// Shares one read (and so one encoded body) among streams that ask for the same events at once.
import type { EventLog, ReadQuery, ReadResult } from '@outflow/core';

export interface SharedReads {
  read(query: ReadQuery): Promise<ReadResult>;
}

const keyOf = (q: ReadQuery) => `${q.tenant}\u0000${q.afterSeq}\u0000${q.filter?.key ?? '*'}\u0000${q.maxEvents}\u0000${q.maxBytes}`;

/**
 * Streams with the same tenant, cursor, filter and limits get the same ReadResult object, so a
 * body a connector builds from it (`jsonLines()`, `jsonArray()`) is built once for all of them.
 * Finished results are held weakly: they live only as long as some worker still uses them.
 */
export function createSharedReads(events: EventLog): SharedReads {
  const pending = new Map<string, Promise<ReadResult>>();
  const done = new Map<string, WeakRef<ReadResult>>();
  const cleanup = new FinalizationRegistry<string>((key) => {
    if (!done.get(key)?.deref()) done.delete(key);
  });
  return {
    read(query) {
      const key = keyOf(query);
      const hit = done.get(key)?.deref();
      if (hit) return Promise.resolve(hit);
      const inFlight = pending.get(key);
      if (inFlight) return inFlight;
      const p = events.read(query).then(
        (result) => {
          pending.delete(key);
          // Only results that hold events are worth sharing; an empty read must be repeated.
          if (result.batch.length > 0) {
            done.set(key, new WeakRef(result));
            cleanup.register(result, key);
          }
          return result;
        },
        (err: unknown) => {
          pending.delete(key);
          throw err;
        },
      );
      pending.set(key, p);
      return p;
    },
  };
}
