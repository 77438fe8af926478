// One read batch on its way to the destination: which events are resolved, and how far it may commit.
import type { LogBatch, NewDeadLetter } from '@outflow/core';

/** Events being sent together, with each one's index in the job's read batch. */
export interface Part {
  readonly batch: LogBatch;
  readonly idx: readonly number[];
}

export function slicePart(part: Part, start: number, end?: number): Part {
  return { batch: part.batch.slice(start, end), idx: part.idx.slice(start, end) };
}

export function pickPart(part: Part, positions: readonly number[]): Part {
  return { batch: part.batch.pick(positions), idx: positions.map((p) => part.idx[p] as number) };
}

export interface DeadLetterReason {
  errorKind: string;
  status?: number | undefined;
  message: string;
}

const PENDING = 0;
const DELIVERED = 1;
const DEAD = 2;

export interface CommitPoint {
  cursor: number;
  delivered: number;
  letters: NewDeadLetter[];
  /** Steps already written, so a commit tried again after a store failure does not repeat them. */
  written?: { letters?: boolean; lettersCounted?: boolean } | undefined;
}

export class BatchJob {
  private readonly state: Uint8Array;
  private readonly letters = new Map<number, NewDeadLetter>();

  constructor(
    readonly read: LogBatch,
    readonly scannedTo: number,
    readonly generation: number,
    private readonly stream: { id: string; tenant: string },
  ) {
    this.state = new Uint8Array(read.length);
  }

  get length(): number {
    return this.read.length;
  }

  markDelivered(idx: readonly number[]): void {
    for (const i of idx) if (this.state[i] === PENDING) this.state[i] = DELIVERED;
  }

  /** Sets events of `part` (positions in it) aside as dead letters, kept as the text that was sent. */
  markDead(part: Part, positions: readonly number[], reason: (position: number) => DeadLetterReason, at: number): void {
    for (const p of positions) {
      const i = part.idx[p] as number;
      if (this.state[i] !== PENDING) continue;
      this.state[i] = DEAD;
      const r = reason(p);
      this.letters.set(i, {
        streamId: this.stream.id,
        tenant: this.stream.tenant,
        seq: this.read.seqs[i] as number,
        logId: this.read.logIds[i] as string,
        type: this.read.types[i] as string,
        raw: part.batch.raw(p).toString('utf8'),
        at,
        errorKind: r.errorKind,
        ...(r.status !== undefined ? { status: r.status } : {}),
        message: r.message,
      });
    }
  }

  /** Events resolved from the start of the batch without a gap. */
  prefix(): number {
    let k = 0;
    while (k < this.state.length && this.state[k] !== PENDING) k++;
    return k;
  }

  resolved(): boolean {
    return this.prefix() === this.state.length;
  }

  /**
   * Where the cursor may move: past the whole scan when every event is resolved, else up to the
   * last event of the resolved prefix; null when nothing can move.
   */
  commitPoint(): CommitPoint | null {
    const k = this.prefix();
    const whole = k === this.state.length;
    if (!whole && k === 0) return null;
    let delivered = 0;
    const letters: NewDeadLetter[] = [];
    for (let i = 0; i < k; i++) {
      if (this.state[i] === DELIVERED) delivered++;
      const letter = this.letters.get(i);
      if (letter) letters.push(letter);
    }
    return { cursor: whole ? this.scannedTo : (this.read.seqs[k - 1] as number), delivered, letters };
  }
}
