// Buffers for delivery bodies: large ones on their own pages, smaller ones in a few size classes.

/** Below this size a buffer is a slice of Node's pool (Buffer.poolSize / 2). */
const POOLED = 4096;
/** From this size on a buffer gets pages of its own (glibc's default mmap threshold). */
const PAGED = 128 * 1024;

/** ES2024's resizable ArrayBuffer constructor (in Node 20; newer than this project's TypeScript lib). */
const PagedArrayBuffer = ArrayBuffer as unknown as new (length: number, options: { maxByteLength: number }) => ArrayBuffer;

/** Classes between the pool and PAGED: powers of two. */
function classOf(n: number): number {
  return 2 ** Math.ceil(Math.log2(n));
}

/**
 * An uninitialized buffer of `n` bytes. Delivery allocates and frees hundreds of MB per second of
 * bodies copied out of stored batches. Large ones live on pages of their own (a fixed-size
 * resizable ArrayBuffer is reserved and committed by V8's page allocator, not malloc), so their
 * memory goes back to the system when they are collected instead of leaving holes in the malloc
 * heap; smaller ones are rounded to size classes so freed blocks fit the next ones.
 */
export function allocSized(n: number): Buffer {
  if (n < POOLED) return Buffer.allocUnsafe(n);
  if (n >= PAGED) return allocOwn(n);
  const size = classOf(n);
  return size === n ? Buffer.allocUnsafeSlow(n) : Buffer.allocUnsafeSlow(size).subarray(0, n);
}

/**
 * An uninitialized buffer that is its whole ArrayBuffer (so it can be transferred to another
 * thread), on pages of its own from 128 KiB.
 */
export function allocOwn(n: number): Buffer {
  return n >= PAGED ? Buffer.from(new PagedArrayBuffer(n, { maxByteLength: n }), 0, n) : Buffer.allocUnsafeSlow(n);
}
