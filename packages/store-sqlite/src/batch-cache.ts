// LRU of recently written or read batches (decoded columns and, once needed, their bytes), bounded in bytes.
import type { BatchMeta } from '@outflow/store-kit';

export interface CachedBatch extends BatchMeta {
  /** The batch's lines as stored (null until a read needs the bytes). */
  lines: Buffer | null;
}

/** Rough bytes held per event besides its text: an end offset, two strings and array slots. */
const PER_EVENT = 96;

interface Slot {
  entry: CachedBatch;
  size: number;
}

export class BatchCache {
  /** Map order is use order: the first slot is the least recently used. */
  private readonly slots = new Map<number, Slot>();
  private total = 0;

  constructor(private readonly maxBytes: number) {}

  get bytes(): number {
    return this.total;
  }

  /** The batch starting at `firstSeq`, marked as recently used. */
  get(firstSeq: number): CachedBatch | undefined {
    const slot = this.slots.get(firstSeq);
    if (!slot) return undefined;
    this.slots.delete(firstSeq);
    this.slots.set(firstSeq, slot);
    return slot.entry;
  }

  /** Adds or replaces an entry (call again after filling in `lines` to account for them). */
  set(firstSeq: number, entry: CachedBatch): void {
    this.delete(firstSeq);
    const size = (entry.lines?.length ?? 0) + entry.ends.length * PER_EVENT;
    if (size > this.maxBytes) return;
    this.slots.set(firstSeq, { entry, size });
    this.total += size;
    for (const [seq, slot] of this.slots) {
      if (this.total <= this.maxBytes) break;
      this.slots.delete(seq);
      this.total -= slot.size;
    }
  }

  delete(firstSeq: number): void {
    const slot = this.slots.get(firstSeq);
    if (!slot) return;
    this.slots.delete(firstSeq);
    this.total -= slot.size;
  }

  /** Drops the batches starting at or before `seq` (purged). */
  dropThrough(seq: number): void {
    for (const first of [...this.slots.keys()]) if (first <= seq) this.delete(first);
  }

  clear(): void {
    this.slots.clear();
    this.total = 0;
  }
}
