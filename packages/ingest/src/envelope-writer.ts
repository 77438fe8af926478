// Accumulates `{log_id, data}` envelope lines in one buffer, copying event bytes as they came.
import type { PreparedBatch } from '@outflow/core';

const OPEN_BRACE = 0x7b;
const SUFFIX = Buffer.from('}\n');

export class EnvelopeWriter {
  private buf: Buffer;
  private at = 0;
  private readonly ends: number[] = [];
  private readonly logIds: string[] = [];
  private readonly types: string[] = [];
  private readonly dates: number[] = [];

  constructor(capacity: number) {
    // Never from the shared pool: the parse pool transfers this memory between threads.
    this.buf = Buffer.allocUnsafeSlow(Math.max(capacity, 1024));
  }

  get count(): number {
    return this.ends.length;
  }

  /**
   * Adds an event whose JSON object text is `source[start, end)`. `inject` holds fields to put
   * first inside the object (a missing log_id or date), as `"k":v,` text, or ''.
   */
  addRaw(logId: string, type: string, date: number, source: Buffer, start: number, end: number, inject: string): void {
    const prefix = `{"log_id":${JSON.stringify(logId)},"data":`;
    this.reserve(prefix.length * 3 + inject.length * 3 + (end - start) + 2);
    this.at += this.buf.write(prefix, this.at, 'utf8');
    if (inject) {
      let open = start;
      while (source[open] !== OPEN_BRACE) open++;
      this.buf[this.at++] = OPEN_BRACE;
      this.at += this.buf.write(inject, this.at, 'utf8');
      start = open + 1;
    }
    this.at += source.copy(this.buf, this.at, start, end);
    this.at += SUFFIX.copy(this.buf, this.at);
    this.push(logId, type, date);
  }

  /** Adds an event given as already-serialized `data` text (the JSON-array and envelope path). */
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
      ends: Uint32Array.from(this.ends),
      logIds: this.logIds,
      types: this.types,
      dates: Float64Array.from(this.dates),
    };
  }

  private push(logId: string, type: string, date: number): void {
    this.ends.push(this.at);
    this.logIds.push(logId);
    this.types.push(type);
    this.dates.push(date);
  }

  private reserve(bytes: number): void {
    if (this.at + bytes <= this.buf.length) return;
    const next = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.at + bytes));
    this.buf.copy(next, 0, 0, this.at);
    this.buf = next;
  }
}
