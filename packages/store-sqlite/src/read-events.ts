// Reads a tenant's events after a cursor: walks the batch index, slices stored lines without copying them.
import { type ReadQuery, type ReadResult, allocSized, createLogBatch } from '@outflow/core';
import { decodeEnds, decodeNames } from '@outflow/store-kit';
import type { CachedBatch } from './batch-cache.js';
import type { IndexRow } from './batch-index.js';
import type { LogContext } from './log-context.js';

/** Index rows fetched by the first query of a read, growing 4x per query up to PAGE_ROWS (most reads need one or two). */
const FIRST_PAGE_ROWS = 4;
const PAGE_ROWS = 64;
/** A filtered read examines at most this many batches, so a filter that skips a lot stays cheap. */
const MAX_FILTERED_ROWS = 64;
/** An unfiltered read examines at most this many batches. */
const MAX_ROWS = 4096;

/** The batch's decoded columns, from the cache or the index row. */
export function cachedBatch(ctx: LogContext, row: IndexRow): CachedBatch {
  let entry = ctx.cache.get(row.first_seq);
  if (entry) return entry;
  const meta = ctx.index.meta(row.first_seq);
  if (!meta) throw new Error(`Batch ${row.first_seq} is missing from the index.`);
  entry = { ends: decodeEnds(meta.ends), types: decodeNames(meta.types, meta.encoding), logIds: decodeNames(meta.log_ids, meta.encoding), lines: null };
  const count = row.last_seq - row.first_seq + 1;
  if (entry.ends.length !== count || entry.types.length !== count || entry.logIds.length !== count) {
    throw new Error(`Batch ${row.first_seq} has a damaged index row.`);
  }
  ctx.cache.set(row.first_seq, entry);
  return entry;
}

function linesOf(ctx: LogContext, row: IndexRow, entry: CachedBatch): Buffer {
  if (entry.lines) return entry.lines;
  entry.lines = ctx.segments.read(row.segment, row.offset, row.length);
  ctx.cache.set(row.first_seq, entry);
  return entry.lines;
}

/** A batch not in the cache is read whole unless its picked lines are under this share of it... */
const SPARSE_SHARE = 1 / 4;
/** ...and lie in at most this many runs (one positioned read each). */
const MAX_SPARSE_RUNS = 64;

interface Picked {
  /** Indexes of the picked events in their batch, ascending. */
  at: number[];
  /** Their line bytes, newlines included. */
  bytes: number;
  /** Runs of adjacent picked events. */
  runs: number;
}

export function readEvents(ctx: LogContext, q: ReadQuery): ReadResult {
  const seqs: number[] = [];
  const logIds: string[] = [];
  const types: string[] = [];
  /** Where each picked line ends, counted over `regions` laid end to end (no object per event). */
  const ends: number[] = [];
  const regions: Buffer[] = [];
  const maxRows = q.filter ? MAX_FILTERED_ROWS : MAX_ROWS;
  /** Bytes of the regions so far: the picked lines, newlines included. */
  let laid = 0;
  /** Bytes of the stored batches (or sparse copies) the selected events point into. */
  let referenced = 0;
  let scannedTo = q.afterSeq;
  let examined = 0;
  let full = false;
  let after = q.afterSeq;
  let page = FIRST_PAGE_ROWS;
  const take = (row: IndexRow, entry: CachedBatch, picked: Picked) => {
    const stored = entry.ends;
    const sparse = !entry.lines && picked.bytes < row.length * SPARSE_SHARE && picked.runs <= MAX_SPARSE_RUNS;
    // A sparse pick reads just its lines from the segment into one small buffer, so no whole
    // stored batch (hundreds of KB) is allocated, cached and freed for a few events.
    const lines = sparse ? allocSized(picked.bytes) : linesOf(ctx, row, entry);
    referenced += lines.length;
    let out = 0;
    let runStart = -1;
    let runEnd = -1;
    const closeRun = () => {
      if (runStart < 0) return;
      if (sparse) ctx.segments.readInto(row.segment, row.offset + runStart, runEnd - runStart, lines, out);
      else regions.push(lines.subarray(runStart, runEnd));
      out += runEnd - runStart;
      runStart = -1;
    };
    let prev = -2;
    for (const i of picked.at) {
      const start = i === 0 ? 0 : (stored[i - 1] as number);
      const end = stored[i] as number;
      if (i !== prev + 1) closeRun();
      prev = i;
      if (runStart < 0) runStart = start;
      runEnd = end;
      seqs.push(row.first_seq + i);
      logIds.push(entry.logIds[i] as string);
      types.push(entry.types[i] as string);
      ends.push(laid + out + end - runStart);
    }
    closeRun();
    if (sparse) regions.push(lines);
    laid += out;
  };
  while (!full && examined < maxRows) {
    const limit = Math.min(page, maxRows - examined);
    const rows = ctx.index.after(q.tenant, after, limit);
    for (const row of rows) {
      const entry = cachedBatch(ctx, row);
      const stored = entry.ends;
      const picked: Picked = { at: [], bytes: 0, runs: 0 };
      for (let i = Math.max(0, q.afterSeq + 1 - row.first_seq); i < stored.length; i++) {
        const seq = row.first_seq + i;
        if (q.filter && !q.filter.matches(entry.types[i] as string)) {
          scannedTo = seq;
          continue;
        }
        const start = i === 0 ? 0 : (stored[i - 1] as number);
        const end = stored[i] as number;
        const count = seqs.length + picked.at.length;
        // Limits count the envelope texts, without their newlines.
        if (count >= q.maxEvents || (count > 0 && laid - seqs.length + picked.bytes - picked.at.length + end - 1 - start > q.maxBytes)) {
          full = true;
          break;
        }
        if (picked.at[picked.at.length - 1] !== i - 1) picked.runs++;
        picked.at.push(i);
        picked.bytes += end - start;
        scannedTo = seq;
      }
      if (picked.at.length > 0) take(row, entry, picked);
      examined++;
      if (full) break;
    }
    if (rows.length < limit) break;
    after = (rows[rows.length - 1] as IndexRow).last_seq;
    page = Math.min(page * 4, PAGE_ROWS);
  }
  if (regions.length > 0 && laid < referenced / 2) compact(regions, laid);
  return { batch: createLogBatch({ seqs, logIds, types, lines: regions, ends }), scannedTo };
}

/**
 * A read that picks a few events out of big stored batches copies them into one small buffer,
 * so a batch in flight keeps only its own bytes alive, not the stored batches around them.
 */
function compact(regions: Buffer[], laid: number): void {
  const out = allocSized(laid);
  let at = 0;
  for (const region of regions) at += region.copy(out, at);
  regions.length = 0;
  regions.push(out);
}
