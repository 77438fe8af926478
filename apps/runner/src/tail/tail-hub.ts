// The in-process hub of live tails: delivery tells it what destinations accepted; it fans out to the stream's tail connections.
import type { TailHub, TailHubOptions, TailListener } from './types.js';

export function createTailHub(options: TailHubOptions = {}): TailHub {
  const max = options.maxListeners ?? 64;
  const byStream = new Map<string, Set<TailListener>>();
  let size = 0;
  let closed = false;
  return {
    get size() {
      return size;
    },
    watching: (streamId) => byStream.has(streamId),
    delivered(stream, batch) {
      const listeners = byStream.get(stream.id);
      if (!listeners) return;
      for (const l of listeners) {
        try {
          l.deliver(batch);
        } catch {
          /* a broken connection must not reach delivery; its close handler removes it */
        }
      }
    },
    subscribe(streamId, listener) {
      if (closed || size >= max) return null;
      let set = byStream.get(streamId);
      if (!set) byStream.set(streamId, (set = new Set()));
      set.add(listener);
      size++;
      let left = false;
      return () => {
        if (left) return;
        left = true;
        size--;
        set.delete(listener);
        if (set.size === 0 && byStream.get(streamId) === set) byStream.delete(streamId);
      };
    },
    close() {
      closed = true;
      const all = [...byStream.values()].flatMap((s) => [...s]);
      byStream.clear();
      size = 0;
      for (const l of all) l.close();
    },
  };
}
