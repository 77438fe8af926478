// Collects items queued in one turn of the event loop and hands them over as one group.

export interface TurnQueue<T> {
  push(item: T): void;
  /** Hands over what is queued now (also used by close). */
  flush(): void;
}

/** `take` receives each non-empty group, in order, on the turn after its first item was queued. */
export function createTurnQueue<T>(take: (group: T[]) => void): TurnQueue<T> {
  let queue: T[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const group = queue;
    queue = [];
    if (group.length > 0) take(group);
  };
  return {
    push(item) {
      queue.push(item);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}
