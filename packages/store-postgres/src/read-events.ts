// Reads a tenant's events after a cursor: fetches batch rows in pages and slices their stored lines (no per-event JSON parse).
import { type ReadQuery, type ReadResult, createLogBatch } from '@outflow/core';
import { decodeEnds, decodeNames } from '@outflow/store-kit';
import type { LogContext } from './log-context.js';

/** Rows fetched by the first query of a read, growing 4x per query up to PAGE_ROWS (most reads need one or two). */
const FIRST_PAGE_ROWS = 4;
const PAGE_ROWS = 64;
/** A filtered read examines at most this many batches, so a filter that skips a lot stays cheap. */
const MAX_FILTERED_ROWS = 64;
/** An unfiltered read examines at most this many batches. */
const MAX_ROWS = 4096;

interface BatchRow {
  first_seq: number;
  last_seq: number;
  lines: Buffer;
  ends: Buffer;
  types: string;
  log_ids: string;
  encoding: number;
}

const AFTER = `SELECT first_seq, last_seq, lines, ends, types, log_ids, encoding FROM batches
               WHERE tenant = $1 AND last_seq > $2 ORDER BY last_seq LIMIT $3`;
// Named: prepared once per connection, so reads do not pay for planning over every day partition each time.

function decodeRow(row: BatchRow) {
  const ends = decodeEnds(row.ends);
  const types = decodeNames(row.types, row.encoding);
  const logIds = decodeNames(row.log_ids, row.encoding);
  const count = row.last_seq - row.first_seq + 1;
  if (ends.length !== count || types.length !== count || logIds.length !== count) {
    throw new Error(`Batch ${row.first_seq} has a damaged row.`);
  }
  return { ends, types, logIds };
}

export async function readEvents(ctx: LogContext, q: ReadQuery): Promise<ReadResult> {
  const seqs: number[] = [];
  const logIds: string[] = [];
  const types: string[] = [];
  /** Where each picked line ends, counted over `regions` laid end to end (no object per event). */
  const picked: number[] = [];
  const regions: Buffer[] = [];
  const maxRows = q.filter ? MAX_FILTERED_ROWS : MAX_ROWS;
  /** Bytes of the regions so far, the run being picked included. */
  let laid = 0;
  let scannedTo = q.afterSeq;
  let examined = 0;
  let full = false;
  let after = q.afterSeq;
  let page = FIRST_PAGE_ROWS;
  while (!full && examined < maxRows) {
    const limit = Math.min(page, maxRows - examined);
    const { rows } = await ctx.pool.query<BatchRow>({ name: 'outflow_read_after', text: AFTER, values: [q.tenant, after, limit] });
    for (const row of rows) {
      const meta = decodeRow(row);
      const { ends } = meta;
      const { lines } = row;
      let runStart = -1;
      let runEnd = -1;
      const closeRun = () => {
        if (runStart >= 0) regions.push(lines.subarray(runStart, runEnd));
        runStart = -1;
      };
      for (let i = Math.max(0, q.afterSeq + 1 - row.first_seq); i < ends.length; i++) {
        const seq = row.first_seq + i;
        const type = meta.types[i] as string;
        if (q.filter && !q.filter.matches(type)) {
          closeRun();
          scannedTo = seq;
          continue;
        }
        const start = i === 0 ? 0 : (ends[i - 1] as number);
        const end = ends[i] as number;
        // Limits count the envelope texts, without their newlines.
        if (seqs.length >= q.maxEvents || (seqs.length > 0 && laid - seqs.length + end - 1 - start > q.maxBytes)) {
          full = true;
          break;
        }
        if (runStart < 0) runStart = start;
        runEnd = end;
        seqs.push(seq);
        logIds.push(meta.logIds[i] as string);
        types.push(type);
        laid += end - start;
        picked.push(laid);
        scannedTo = seq;
      }
      closeRun();
      examined++;
      if (full) break;
    }
    if (rows.length < limit) break;
    after = (rows[rows.length - 1] as BatchRow).last_seq;
    page = Math.min(page * 4, PAGE_ROWS);
  }
  return { batch: createLogBatch({ seqs, logIds, types, lines: regions, ends: picked }), scannedTo };
}
