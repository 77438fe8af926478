// A batch of stored events handed to a connector: raw envelope texts, encoded without re-parsing.
import { allIndices } from './indices.js';
import { allocSized } from './sized-alloc.js';
import type { LogEnvelope } from './types.js';

const NEWLINE = 0x0a;
const COMMA = 0x2c;

export interface LogBatch {
  readonly length: number;
  /** Sum of the envelope texts' UTF-8 sizes. */
  readonly byteLength: number;
  /** Position of each event in the event log. */
  readonly seqs: readonly number[];
  readonly logIds: readonly string[];
  readonly types: readonly string[];
  /** The `{log_id, data}` envelope of event `i` as UTF-8 JSON text (no trailing newline). */
  raw(i: number): Buffer;
  /** The UTF-8 size of event `i`'s envelope text (`raw(i).length`, without making the slice). */
  rawLength(i: number): number;
  /** Parsed envelopes (parsed once, then cached). */
  envelopes(): readonly LogEnvelope[];
  /** One envelope per line, each ending in `\n` (built from stored text, not re-serialized). */
  jsonLines(): Buffer;
  /** A JSON array of envelopes. */
  jsonArray(): Buffer;
  slice(start: number, end?: number): LogBatch;
  pick(indices: readonly number[]): LogBatch;
}

interface Columns {
  seqs: readonly number[];
  logIds: readonly string[];
  types: readonly string[];
  /** Parsed envelopes, when the producer already has them. */
  envelopes?: readonly LogEnvelope[] | undefined;
}

/**
 * The parts of a batch: the columns plus the events' texts, either one buffer per event (`raws`)
 * or as `lines` and `ends`. The second form costs no object per event, which matters when a
 * thousand streams each hold their own reads in flight.
 */
export type BatchParts = Columns &
  (
    | {
        raws: readonly Buffer[];
        /**
         * Optional contiguous regions that are exactly the events' lines (each ending in `\n`) in
         * order; lets `jsonLines()` hand out stored bytes as they are.
         */
        lines?: readonly Buffer[] | undefined;
        ends?: undefined;
      }
    | {
        raws?: undefined;
        /** Regions that are exactly the events' lines (each ending in `\n`), in order. */
        lines: readonly Buffer[];
        /** Where each event's line ends (after its `\n`), counted over `lines` laid end to end. */
        ends: readonly number[];
      }
  );

/** Event texts kept as regions of lines and the offsets where each line ends. */
class LineTexts {
  /** Offset of each region in the regions laid end to end, plus the total at the end. */
  private readonly starts: number[];

  constructor(
    readonly regions: readonly Buffer[],
    private readonly ends: readonly number[],
  ) {
    this.starts = [0];
    let at = 0;
    for (const r of regions) this.starts.push((at += r.length));
    const n = ends.length;
    if ((n > 0 ? (ends[n - 1] as number) : 0) !== at) throw new RangeError('Batch line ends must end where the line regions end.');
    // Each line must lie within one region, so raw(i) is one slice.
    let r = 0;
    for (let i = 0; i < n; i++) {
      const start = this.startOf(i);
      const end = ends[i] as number;
      if (end <= start) throw new RangeError(`Batch line ${i} is empty or ends before it starts.`);
      while ((this.starts[r + 1] as number) <= start) r++;
      if (end > (this.starts[r + 1] as number)) throw new RangeError(`Batch line ${i} crosses the end of its region.`);
    }
  }

  private startOf(i: number): number {
    return i === 0 ? 0 : (this.ends[i - 1] as number);
  }

  length(i: number): number {
    return (this.ends[i] as number) - this.startOf(i) - 1;
  }

  /** The region holding bytes [start, end) and their offsets in it. */
  private locate(i: number): [Buffer, number, number] {
    const start = this.startOf(i);
    const end = (this.ends[i] as number) - 1;
    // The last region starting at or before `start` (a binary search: a sparse read has many).
    let r = 0;
    let hi = this.regions.length - 1;
    while (r < hi) {
      const mid = (r + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= start) r = mid;
      else hi = mid - 1;
    }
    const base = this.starts[r] as number;
    return [this.regions[r] as Buffer, start - base, end - base];
  }

  raw(i: number): Buffer {
    const [region, from, to] = this.locate(i);
    return region.subarray(from, to);
  }

  copyRaw(i: number, out: Buffer, at: number): number {
    const [region, from, to] = this.locate(i);
    return region.copy(out, at, from, to);
  }
}

class StoredBatch implements LogBatch {
  readonly length: number;
  readonly byteLength: number;
  private parsed: readonly LogEnvelope[] | undefined;
  private lines: Buffer | undefined;
  private array: Buffer | undefined;
  private readonly texts: LineTexts | null;

  constructor(private readonly parts: BatchParts) {
    this.parsed = parts.envelopes;
    if (parts.raws) {
      this.texts = null;
      this.length = parts.raws.length;
      let bytes = 0;
      for (const r of parts.raws) bytes += r.length;
      this.byteLength = bytes;
    } else {
      this.texts = new LineTexts(parts.lines, parts.ends);
      const n = parts.ends.length;
      this.length = n;
      this.byteLength = n > 0 ? (parts.ends[n - 1] as number) - n : 0;
    }
  }
  get seqs() {
    return this.parts.seqs;
  }
  get logIds() {
    return this.parts.logIds;
  }
  get types() {
    return this.parts.types;
  }
  private check(i: number): void {
    if (!(i >= 0 && i < this.length && Number.isInteger(i))) throw new RangeError(`Batch index ${i} is out of range (length ${this.length}).`);
  }
  raw(i: number): Buffer {
    this.check(i);
    return this.texts ? this.texts.raw(i) : (this.parts.raws?.[i] as Buffer);
  }
  rawLength(i: number): number {
    this.check(i);
    return this.texts ? this.texts.length(i) : (this.parts.raws?.[i] as Buffer).length;
  }
  private copyRaw(i: number, out: Buffer, at: number): number {
    return this.texts ? this.texts.copyRaw(i, out, at) : (this.parts.raws?.[i] as Buffer).copy(out, at);
  }
  envelopes(): readonly LogEnvelope[] {
    this.parsed ??= allIndices(this.length).map((i) => JSON.parse(this.raw(i).toString('utf8')) as LogEnvelope);
    return this.parsed;
  }
  jsonLines(): Buffer {
    if (this.lines) return this.lines;
    const regions = this.parts.lines;
    if (regions && regions.length === 1) this.lines = regions[0] as Buffer;
    else if (regions && regions.length > 1) {
      const out = allocSized(this.byteLength + this.length);
      let at = 0;
      for (const r of regions) at += r.copy(out, at);
      this.lines = out;
    } else {
      const out = allocSized(this.byteLength + this.length);
      let at = 0;
      for (let i = 0; i < this.length; i++) {
        at += this.copyRaw(i, out, at);
        out[at++] = NEWLINE;
      }
      this.lines = out;
    }
    return this.lines;
  }
  jsonArray(): Buffer {
    if (this.array) return this.array;
    const n = this.length;
    const out = allocSized(this.byteLength + Math.max(n - 1, 0) + 2);
    out[0] = 0x5b; // [
    let at = 1;
    for (let i = 0; i < n; i++) {
      if (i > 0) out[at++] = COMMA;
      at += this.copyRaw(i, out, at);
    }
    out[at] = 0x5d; // ]
    this.array = out;
    return out;
  }
  slice(start: number, end = this.length): LogBatch {
    const p = this.parts;
    const from = Math.max(0, Math.min(start, this.length));
    const to = Math.max(from, Math.min(end, this.length));
    const raws: Buffer[] = [];
    for (let i = from; i < to; i++) raws.push(this.raw(i));
    return new StoredBatch({
      seqs: p.seqs.slice(from, to),
      logIds: p.logIds.slice(from, to),
      types: p.types.slice(from, to),
      raws,
      envelopes: this.parsed?.slice(from, to),
    });
  }
  pick(indices: readonly number[]): LogBatch {
    const p = this.parts;
    const parsed = this.parsed;
    return new StoredBatch({
      seqs: indices.map((i) => p.seqs[i] as number),
      logIds: indices.map((i) => p.logIds[i] as string),
      types: indices.map((i) => p.types[i] as string),
      raws: indices.map((i) => this.raw(i)),
      envelopes: parsed ? indices.map((i) => parsed[i] as LogEnvelope) : undefined,
    });
  }
}

export function createLogBatch(parts: BatchParts): LogBatch {
  const n = parts.raws ? parts.raws.length : parts.ends.length;
  if (parts.seqs.length !== n || parts.logIds.length !== n || parts.types.length !== n) {
    throw new RangeError('Batch parts must have one seq, log_id and type per raw event.');
  }
  return new StoredBatch(parts);
}

/** Builds a batch from envelopes (tests, previews, test events): serializes each once. */
export function batchFromEnvelopes(envelopes: readonly LogEnvelope[], firstSeq = 1): LogBatch {
  return createLogBatch({
    seqs: envelopes.map((_, i) => firstSeq + i),
    logIds: envelopes.map((e) => e.log_id),
    types: envelopes.map((e) => e.data.type),
    raws: envelopes.map((e) => Buffer.from(JSON.stringify(e))),
    envelopes,
  });
}
