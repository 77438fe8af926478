// Buffers whose memory comes in a few size classes, so memory freed by one is reused by the next.

/** Below this size a buffer is a slice of Node's pool (Buffer.poolSize / 2). */
const POOLED = 4096;

/** Classes above Node's buffer pool: powers of two up to 64 KiB, then steps of 64 KiB up to 1 MiB, then of 1 MiB. */
function classOf(n: number): number {
  if (n <= 65536) return 2 ** Math.ceil(Math.log2(n));
  if (n <= 1048576) return Math.ceil(n / 65536) * 65536;
  return Math.ceil(n / 1048576) * 1048576;
}

/**
 * An uninitialized buffer of `n` bytes on memory of its size class. Delivery allocates and frees
 * hundreds of MB per second of variable-sized bodies; rounded sizes let the allocator hand freed
 * blocks out again instead of growing a fragmented heap.
 */
export function allocSized(n: number): Buffer {
  // Small buffers come from Node's shared pool.
  if (n < POOLED) return Buffer.allocUnsafe(n);
  const size = classOf(n);
  return size === n ? Buffer.allocUnsafeSlow(n) : Buffer.allocUnsafeSlow(size).subarray(0, n);
}
