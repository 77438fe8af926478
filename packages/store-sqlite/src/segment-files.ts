// Append-only segment files holding the raw event lines, named by the first sequence number they hold.
import fs from 'node:fs';
import path from 'node:path';
import { allocSized, type Logger } from '@outflow/core';

const SUFFIX = '.seg';
const ID_DIGITS = 16;
const MAX_READERS = 32;

interface Writer {
  id: number;
  fd: number;
  size: number;
}

export interface SegmentPlace {
  segment: number;
  offset: number;
}

/** The segment folder of a database file: `<path without .db>.segments`. */
export function segmentDirOf(dbPath: string): string {
  return `${dbPath.endsWith('.db') ? dbPath.slice(0, -3) : dbPath}.segments`;
}

export class SegmentFiles {
  private writer: Writer | null = null;
  private readonly readers = new Map<number, number>();

  constructor(
    readonly dir: string,
    private readonly segmentBytes: number,
    private readonly fsync: boolean,
    private readonly logger: Logger,
  ) {
    fs.mkdirSync(dir, { recursive: true });
  }

  pathOf(id: number): string {
    return path.join(this.dir, `${String(id).padStart(ID_DIGITS, '0')}${SUFFIX}`);
  }

  /** Ids of the segment files on disk, ascending. */
  list(): number[] {
    return fs
      .readdirSync(this.dir)
      .filter((name) => name.endsWith(SUFFIX) && /^\d+$/.test(name.slice(0, -SUFFIX.length)))
      .map((name) => Number(name.slice(0, -SUFFIX.length)))
      .sort((a, b) => a - b);
  }

  /** Makes `id` the segment new writes go to, continuing at `size` (recovery). */
  resume(id: number, size: number): void {
    this.writer = { id, fd: fs.openSync(this.pathOf(id), 'r+'), size };
  }

  get currentId(): number | null {
    return this.writer?.id ?? null;
  }

  /**
   * Writes the buffers at the end of the current segment in one call, first starting a new
   * segment named `firstSeq` when the current one is full. Throws (leaving no bytes behind) on failure.
   */
  append(firstSeq: number, buffers: readonly Buffer[], total: number): SegmentPlace {
    let w = this.writer;
    if (!w || (w.size > 0 && w.size + total > this.segmentBytes)) w = this.rotate(firstSeq);
    const offset = w.size;
    try {
      let written = fs.writevSync(w.fd, buffers as Buffer[], offset);
      if (written < total) written += this.writeRest(w.fd, buffers, written, offset);
      if (written !== total) throw new Error(`Short segment write: ${written} of ${total} bytes.`);
      if (this.fsync) fs.fdatasyncSync(w.fd);
    } catch (error) {
      this.truncate(w.id, offset);
      throw error;
    }
    w.size = offset + total;
    return { segment: w.id, offset };
  }

  /** Cuts a segment back to `size` bytes (undoing a write whose index commit failed, or recovery). */
  truncate(id: number, size: number): void {
    if (this.writer?.id === id) {
      fs.ftruncateSync(this.writer.fd, size);
      this.writer.size = size;
    } else fs.truncateSync(this.pathOf(id), size);
  }

  /** Reads `length` bytes at `offset` of a segment into a new buffer. */
  read(id: number, offset: number, length: number): Buffer {
    const out = allocSized(length);
    this.readInto(id, offset, length, out, 0);
    return out;
  }

  /** Reads `length` bytes at `offset` of a segment into `out` at `at`. */
  readInto(id: number, offset: number, length: number, out: Buffer, at: number): void {
    const fd = this.writer?.id === id ? this.writer.fd : this.readerOf(id);
    let done = 0;
    while (done < length) {
      const n = fs.readSync(fd, out, at + done, length - done, offset + done);
      if (n === 0) throw new Error(`Segment ${id} ends before byte ${offset + length}.`);
      done += n;
    }
  }

  /** Deletes segment files; the current segment too, in which case the next write starts a new one. */
  remove(ids: readonly number[]): void {
    for (const id of ids) {
      this.closeReader(id);
      if (this.writer?.id === id) {
        fs.closeSync(this.writer.fd);
        this.writer = null;
      }
      try {
        fs.rmSync(this.pathOf(id), { force: true });
      } catch (error) {
        this.logger.warn({ segment: id, err: error }, 'Could not delete a segment file; it is removed on the next open.');
      }
    }
  }

  close(): void {
    for (const id of [...this.readers.keys()]) this.closeReader(id);
    if (this.writer) fs.closeSync(this.writer.fd);
    this.writer = null;
  }

  private rotate(firstSeq: number): Writer {
    if (this.writer) {
      if (this.fsync) fs.fdatasyncSync(this.writer.fd);
      fs.closeSync(this.writer.fd);
    }
    this.writer = { id: firstSeq, fd: fs.openSync(this.pathOf(firstSeq), 'w+'), size: 0 };
    if (this.fsync) this.syncDir();
    return this.writer;
  }

  private writeRest(fd: number, buffers: readonly Buffer[], done: number, offset: number): number {
    const rest = Buffer.concat(buffers as Buffer[]).subarray(done);
    let at = 0;
    while (at < rest.length) {
      const n = fs.writeSync(fd, rest, at, rest.length - at, offset + done + at);
      if (n <= 0) break;
      at += n;
    }
    return at;
  }

  private readerOf(id: number): number {
    let fd = this.readers.get(id);
    if (fd === undefined) {
      const oldest = this.readers.keys().next();
      if (this.readers.size >= MAX_READERS && !oldest.done) this.closeReader(oldest.value);
      fd = fs.openSync(this.pathOf(id), 'r');
      this.readers.set(id, fd);
    }
    return fd;
  }

  private closeReader(id: number): void {
    const fd = this.readers.get(id);
    if (fd === undefined) return;
    this.readers.delete(id);
    fs.closeSync(fd);
  }

  private syncDir(): void {
    const fd = fs.openSync(this.dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }
}
