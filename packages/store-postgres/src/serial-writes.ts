// Runs each stream's delivery-state writes one after another, in call order, over a pool of connections.

/**
 * Queries on a pool run on whichever connection is free, so two writes issued together may apply
 * in either order; a cursor commit (which clears failingSince) landing after a failure recorded
 * later would undo it. Writes of one stream wait for the previous one; other streams' run freely.
 */
export function createSerialWrites(): <T>(streamId: string, write: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return (streamId, write) => {
    const run = (tails.get(streamId) ?? Promise.resolve()).then(write);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    tails.set(streamId, tail);
    void tail.then(() => {
      if (tails.get(streamId) === tail) tails.delete(streamId);
    });
    return run;
  };
}
