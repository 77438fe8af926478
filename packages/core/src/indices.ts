// Shared read-only index lists 0..n-1, so a batch's "all events" needs no new array per delivery.

/** Lists up to this length are kept; longer ones are made on each call. */
const MAX_SHARED = 4096;
const shared: Array<readonly number[] | undefined> = [];

/** `[0, 1, …, n-1]`, frozen and shared between callers (do not rely on identity). */
export function allIndices(n: number): readonly number[] {
  if (n > MAX_SHARED) return Array.from({ length: n }, (_, i) => i);
  let list = shared[n];
  if (!list) {
    list = Object.freeze(Array.from({ length: n }, (_, i) => i));
    shared[n] = list;
  }
  return list;
}
