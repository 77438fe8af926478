// Accumulates `{log_id, data}` envelope lines in one buffer, copying event bytes as they came.
import type { PreparedBatch } from '@outflow/core';

const OPEN_BRACE = 0x7b;
const QUOTE = 0x22;
const PREFIX = Buffer.from('{"log_id":', 'latin1');
const DATA = Buffer.from(',"data":', 'latin1');
const LOG_ID_KEY = Buffer.from('"log_id":', 'latin1');
/** Below this many bytes a loop copies faster than set(subarray). */
const SMALL_COPY = 48;

/** True when JSON.stringify(s) is s in quotes and s is ASCII (so it can be written byte by byte). */
function plainAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c >= 0x7f || c === QUOTE || c === 0x5c) return false;
  }
  return true;
}

export class EnvelopeWriter {
  private buf: Buffer;
  /** The same memory as `buf` as a plain Uint8Array: its set/subarray skip Buffer's overhead. */
  private u8: Uint8Array;
  private at = 0;
  private n = 0;
  private ends: Uint32Array;
  private dates: Float64Array;
  private readonly logIds: string[] = [];
  private readonly types: string[] = [];

  /** `capacity` bytes and `events` events are reserved up front; both grow when exceeded. */
  constructor(capacity: number, events = 64) {
    // Never from the shared pool: the parse pool transfers this memory between threads.
    this.buf = Buffer.allocUnsafeSlow(Math.max(capacity, 1024));
    this.u8 = new Uint8Array(this.buf.buffer, 0, this.buf.length);
    this.ends = new Uint32Array(Math.max(events, 1));
    this.dates = new Float64Array(Math.max(events, 1));
  }

  get count(): number {
    return this.n;
  }

  /**
   * Adds a flat event whose JSON object text is `src[start, end)`, its `{` at `open`. The envelope
   * reuses the event's own log_id token `src[idStart, idEnd)` (quotes included) unless idStart < 0.
   * `injectId` puts `"log_id":…,` and `injectDate` (`"date":"…",` bytes, or null) first inside the
   * object. `squash` drops whitespace outside strings (a pretty-printed item's newlines would split lines).
   */
  addRaw(
    logId: string,
    type: string,
    date: number,
    src: Uint8Array,
    start: number,
    end: number,
    open: number,
    idStart: number,
    idEnd: number,
    injectId: boolean,
    injectDate: Uint8Array | null,
    squash: boolean,
  ): void {
    const idBytes = idStart >= 0 ? idEnd - idStart : logId.length * 6 + 2;
    this.reserve(PREFIX.length + DATA.length + idBytes * 2 + LOG_ID_KEY.length + 1 + (injectDate ? injectDate.length : 0) + (end - start) + 2);
    this.bytes(PREFIX, 0, PREFIX.length);
    if (idStart >= 0) this.bytes(src, idStart, idEnd);
    else this.id(logId);
    this.bytes(DATA, 0, DATA.length);
    if (injectId || injectDate !== null) {
      this.u8[this.at++] = OPEN_BRACE;
      if (injectId) {
        this.bytes(LOG_ID_KEY, 0, LOG_ID_KEY.length);
        this.id(logId);
        this.u8[this.at++] = 0x2c;
      }
      if (injectDate !== null) this.bytes(injectDate, 0, injectDate.length);
      start = open + 1;
    }
    if (squash) this.squashed(src, start, end);
    else this.bytes(src, start, end);
    this.u8[this.at++] = 0x7d;
    this.u8[this.at++] = 0x0a;
    this.push(logId, type, date);
  }

  /** Adds an event given as already-serialized `data` text (the envelope and fallback path). */
  addText(logId: string, type: string, date: number, dataText: string): void {
    const line = `{"log_id":${JSON.stringify(logId)},"data":${dataText}}\n`;
    this.reserve(line.length * 3);
    this.at += this.buf.write(line, this.at, 'utf8');
    this.push(logId, type, date);
  }

  finish(tenant: string): PreparedBatch {
    return {
      tenant,
      lines: this.buf.subarray(0, this.at),
      ends: this.ends.subarray(0, this.n),
      logIds: this.logIds,
      types: this.types,
      dates: this.dates.subarray(0, this.n),
    };
  }

  private bytes(src: Uint8Array, start: number, end: number): void {
    const u8 = this.u8;
    if (end - start < SMALL_COPY) {
      let at = this.at;
      for (let i = start; i < end; i++) u8[at++] = src[i]!;
      this.at = at;
    } else {
      u8.set(src.subarray(start, end), this.at);
      this.at += end - start;
    }
  }

  /** Writes JSON.stringify(logId). */
  private id(logId: string): void {
    if (!plainAscii(logId)) {
      this.at += this.buf.write(JSON.stringify(logId), this.at, 'utf8');
      return;
    }
    const u8 = this.u8;
    let at = this.at;
    u8[at++] = QUOTE;
    for (let i = 0; i < logId.length; i++) u8[at++] = logId.charCodeAt(i);
    u8[at++] = QUOTE;
    this.at = at;
  }

  /** Copies valid JSON text without the whitespace between its tokens. */
  private squashed(src: Uint8Array, start: number, end: number): void {
    const u8 = this.u8;
    let at = this.at;
    let inString = false;
    for (let i = start; i < end; i++) {
      const c = src[i]!;
      if (inString) {
        u8[at++] = c;
        if (c === 0x5c) u8[at++] = src[++i]!;
        else if (c === QUOTE) inString = false;
      } else if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) {
        u8[at++] = c;
        if (c === QUOTE) inString = true;
      }
    }
    this.at = at;
  }

  private push(logId: string, type: string, date: number): void {
    if (this.n === this.ends.length) {
      const ends = new Uint32Array(this.n * 2);
      const dates = new Float64Array(this.n * 2);
      ends.set(this.ends);
      dates.set(this.dates);
      this.ends = ends;
      this.dates = dates;
    }
    this.ends[this.n] = this.at;
    this.dates[this.n++] = date;
    this.logIds.push(logId);
    this.types.push(type);
  }

  private reserve(bytes: number): void {
    if (this.at + bytes <= this.buf.length) return;
    const next = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.at + bytes));
    const u8 = new Uint8Array(next.buffer, 0, next.length);
    u8.set(this.u8.subarray(0, this.at));
    this.buf = next;
    this.u8 = u8;
  }
}
