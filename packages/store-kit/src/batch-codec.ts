// Encodes a batch's per-event columns for its index row (ends and dates as little-endian bytes, names joined by '\n').
import os from 'node:os';
import type { PreparedBatch } from '@outflow/core';

if (os.endianness() !== 'LE') throw new Error('Outflow stores little-endian columns and needs a little-endian CPU.');

/** How a row's `types` and `log_ids` texts are written: joined by '\n', or JSON arrays when a name holds a '\n'. */
export const NameEncoding = { Lines: 0, Json: 1 } as const;
export type NameEncoding = (typeof NameEncoding)[keyof typeof NameEncoding];

/** The per-event columns of one index row. */
export interface EncodedColumns {
  ends: Buffer;
  types: string;
  logIds: string;
  dates: Buffer;
  encoding: NameEncoding;
}

/** What a read needs of a stored batch, decoded. */
export interface BatchMeta {
  /** End (exclusive, after the '\n') of each event's line, relative to the batch's first byte. */
  ends: Uint32Array;
  types: readonly string[];
  logIds: readonly string[];
}

const hasNewline = (names: readonly string[]) => names.some((n) => n.includes('\n'));

/** Rejects a batch whose parts do not line up (it would corrupt the log). */
export function checkBatch(batch: PreparedBatch): void {
  const n = batch.ends.length;
  if (typeof batch.tenant !== 'string' || batch.tenant === '') throw new TypeError('A batch needs a tenant.');
  if (batch.logIds.length !== n || batch.types.length !== n || batch.dates.length !== n) {
    throw new TypeError('A batch needs one log_id, type and date per event.');
  }
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const end = batch.ends[i] as number;
    if (end <= prev || batch.lines[end - 1] !== 0x0a) throw new TypeError(`Event ${i} of the batch is not a line ending in '\\n'.`);
    prev = end;
  }
  if (prev !== batch.lines.length) throw new TypeError('The batch lines hold bytes after the last event.');
}

export function encodeColumns(batch: PreparedBatch): EncodedColumns {
  const json = hasNewline(batch.types) || hasNewline(batch.logIds);
  return {
    ends: Buffer.from(batch.ends.buffer, batch.ends.byteOffset, batch.ends.byteLength),
    dates: Buffer.from(batch.dates.buffer, batch.dates.byteOffset, batch.dates.byteLength),
    types: json ? JSON.stringify(batch.types) : batch.types.join('\n'),
    logIds: json ? JSON.stringify(batch.logIds) : batch.logIds.join('\n'),
    encoding: json ? NameEncoding.Json : NameEncoding.Lines,
  };
}

export function decodeNames(text: string, encoding: number): string[] {
  return encoding === NameEncoding.Json ? (JSON.parse(text) as string[]) : text.split('\n');
}

export function decodeEnds(blob: Buffer): Uint32Array {
  const copy = new Uint8Array(blob.byteLength);
  copy.set(blob);
  return new Uint32Array(copy.buffer);
}
