// A batch of stored events handed to a connector: raw envelope texts, encoded without re-parsing.
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
  /** Parsed envelopes (parsed once, then cached). */
  envelopes(): readonly LogEnvelope[];
  /** One envelope per line, each ending in `\n` (built from stored text, not re-serialized). */
  jsonLines(): Buffer;
  /** A JSON array of envelopes. */
  jsonArray(): Buffer;
  slice(start: number, end?: number): LogBatch;
  pick(indices: readonly number[]): LogBatch;
}

export interface BatchParts {
  seqs: readonly number[];
  logIds: readonly string[];
  types: readonly string[];
  raws: readonly Buffer[];
  /**
   * Optional contiguous regions that are exactly the events' lines (each ending in `\n`) in
   * order; lets `jsonLines()` hand out stored bytes as they are.
   */
  lines?: readonly Buffer[] | undefined;
  /** Parsed envelopes, when the producer already has them. */
  envelopes?: readonly LogEnvelope[] | undefined;
}

class StoredBatch implements LogBatch {
  readonly length: number;
  readonly byteLength: number;
  private parsed: readonly LogEnvelope[] | undefined;
  private lines: Buffer | undefined;
  private array: Buffer | undefined;

  constructor(private readonly parts: BatchParts) {
    this.length = parts.raws.length;
    let bytes = 0;
    for (const r of parts.raws) bytes += r.length;
    this.byteLength = bytes;
    this.parsed = parts.envelopes;
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
  raw(i: number): Buffer {
    const r = this.parts.raws[i];
    if (!r) throw new RangeError(`Batch index ${i} is out of range (length ${this.length}).`);
    return r;
  }
  envelopes(): readonly LogEnvelope[] {
    this.parsed ??= this.parts.raws.map((r) => JSON.parse(r.toString('utf8')) as LogEnvelope);
    return this.parsed;
  }
  jsonLines(): Buffer {
    if (this.lines) return this.lines;
    const regions = this.parts.lines;
    if (regions && regions.length === 1) this.lines = regions[0] as Buffer;
    else if (regions && regions.length > 1) this.lines = Buffer.concat(regions as Buffer[]);
    else {
      const out = Buffer.allocUnsafe(this.byteLength + this.length);
      let at = 0;
      for (const r of this.parts.raws) {
        at += r.copy(out, at);
        out[at++] = NEWLINE;
      }
      this.lines = out;
    }
    return this.lines;
  }
  jsonArray(): Buffer {
    if (this.array) return this.array;
    const n = this.length;
    const out = Buffer.allocUnsafe(this.byteLength + Math.max(n - 1, 0) + 2);
    out[0] = 0x5b; // [
    let at = 1;
    for (let i = 0; i < n; i++) {
      if (i > 0) out[at++] = COMMA;
      at += (this.parts.raws[i] as Buffer).copy(out, at);
    }
    out[at] = 0x5d; // ]
    this.array = out;
    return out;
  }
  slice(start: number, end = this.length): LogBatch {
    const p = this.parts;
    return new StoredBatch({
      seqs: p.seqs.slice(start, end),
      logIds: p.logIds.slice(start, end),
      types: p.types.slice(start, end),
      raws: p.raws.slice(start, end),
      envelopes: this.parsed?.slice(start, end),
    });
  }
  pick(indices: readonly number[]): LogBatch {
    const p = this.parts;
    const parsed = this.parsed;
    return new StoredBatch({
      seqs: indices.map((i) => p.seqs[i] as number),
      logIds: indices.map((i) => p.logIds[i] as string),
      types: indices.map((i) => p.types[i] as string),
      raws: indices.map((i) => p.raws[i] as Buffer),
      envelopes: parsed ? indices.map((i) => parsed[i] as LogEnvelope) : undefined,
    });
  }
}

export function createLogBatch(parts: BatchParts): LogBatch {
  const n = parts.raws.length;
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
