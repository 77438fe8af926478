// Prepared statements over the batch index: one row per appended batch, located in a segment file.
import type Database from 'better-sqlite3';
import type { EncodedColumns } from '@outflow/store-kit';

/** The columns a read needs to walk the log (the per-event blobs are fetched only on a cache miss). */
export interface IndexRow {
  first_seq: number;
  last_seq: number;
  segment: number;
  offset: number;
  length: number;
}

export interface MetaRow {
  ends: Buffer;
  types: string;
  log_ids: string;
  encoding: number;
}

export interface NewIndexRow {
  firstSeq: number;
  lastSeq: number;
  tenant: string;
  recordedAt: number;
  segment: number;
  offset: number;
  length: number;
  columns: EncodedColumns;
}

const LIGHT = 'first_seq, last_seq, segment, offset, length';

export class BatchIndex {
  private readonly s;

  constructor(private readonly db: Database.Database) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      insert: p(`INSERT INTO batches (first_seq, last_seq, count, tenant, recorded_at, segment, offset, length, ends, types, log_ids, dates, encoding)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      after: p(`SELECT ${LIGHT} FROM batches WHERE tenant = ? AND last_seq > ? ORDER BY last_seq LIMIT ?`),
      meta: p('SELECT ends, types, log_ids, encoding FROM batches WHERE first_seq = ?'),
      typesIn: p('SELECT first_seq, last_seq, types, encoding FROM batches WHERE tenant = ? AND last_seq > ? AND first_seq <= ? ORDER BY last_seq'),
      count: p(`SELECT COALESCE(SUM(MIN(last_seq, ?) - MAX(first_seq, ?) + 1), 0) AS n FROM batches
                WHERE tenant = ? AND last_seq > ? AND first_seq <= ?`),
      firstAt: p('SELECT first_seq FROM batches WHERE recorded_at >= ? ORDER BY recorded_at, first_seq LIMIT 1'),
      tenantFrom: p('SELECT first_seq FROM batches WHERE tenant = ? AND last_seq >= ? ORDER BY last_seq LIMIT 1'),
      tenantFirst: p('SELECT first_seq FROM batches WHERE tenant = ? ORDER BY last_seq LIMIT 1'),
      tenantLast: p('SELECT last_seq, recorded_at FROM batches WHERE tenant = ? ORDER BY last_seq DESC LIMIT 1'),
      containing: p('SELECT last_seq, recorded_at FROM batches WHERE first_seq <= ? ORDER BY first_seq DESC LIMIT 1'),
      newest: p(`SELECT ${LIGHT}, recorded_at FROM batches ORDER BY first_seq DESC LIMIT 1`),
      oldest: p(`SELECT ${LIGHT} FROM batches ORDER BY first_seq LIMIT 1`),
      lastBefore: p('SELECT last_seq FROM batches WHERE recorded_at < ? ORDER BY recorded_at DESC, first_seq DESC LIMIT 1'),
      sumThrough: p('SELECT COALESCE(SUM(count), 0) AS n FROM batches WHERE first_seq <= ?'),
      lost: p(`SELECT COALESCE(SUM(last_seq - MAX(first_seq, ?) + 1), 0) AS n, MAX(last_seq) AS last FROM batches
               WHERE tenant = ? AND last_seq > ? AND first_seq <= ?`),
      deleteThrough: p('DELETE FROM batches WHERE first_seq <= ?'),
      dropBeyond: p('DELETE FROM batches WHERE first_seq >= ? AND segment = ? AND offset + length > ?'),
      getMeta: p('SELECT value FROM meta WHERE key = ?'),
      setMeta: p('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    };
  }

  insert(r: NewIndexRow): void {
    const c = r.columns;
    this.s.insert.run(
      r.firstSeq,
      r.lastSeq,
      r.lastSeq - r.firstSeq + 1,
      r.tenant,
      r.recordedAt,
      r.segment,
      r.offset,
      r.length,
      c.ends,
      c.types,
      c.logIds,
      c.dates,
      c.encoding,
    );
  }

  /** The tenant's batches holding events after `afterSeq`, in order. */
  after(tenant: string, afterSeq: number, limit: number): IndexRow[] {
    return this.s.after.all(tenant, afterSeq, limit) as IndexRow[];
  }

  meta(firstSeq: number): MetaRow | undefined {
    return this.s.meta.get(firstSeq) as MetaRow | undefined;
  }

  typesIn(tenant: string, afterSeq: number, uptoSeq: number): IterableIterator<{ first_seq: number; last_seq: number; types: string; encoding: number }> {
    return this.s.typesIn.iterate(tenant, afterSeq, uptoSeq) as IterableIterator<{ first_seq: number; last_seq: number; types: string; encoding: number }>;
  }

  /** Events of the tenant in (afterSeq, uptoSeq], from whole index rows. */
  count(tenant: string, afterSeq: number, uptoSeq: number): number {
    return (this.s.count.get(uptoSeq, afterSeq + 1, tenant, afterSeq, uptoSeq) as { n: number }).n;
  }

  /** First sequence number of the first batch recorded at or after `time` (any tenant). */
  firstRecordedAt(time: number): number | undefined {
    return (this.s.firstAt.get(time) as { first_seq: number } | undefined)?.first_seq;
  }

  /** First sequence number of the tenant's first batch holding events at or after `seq`. */
  tenantFrom(tenant: string, seq: number): number | undefined {
    return (this.s.tenantFrom.get(tenant, seq) as { first_seq: number } | undefined)?.first_seq;
  }

  tenantFirst(tenant: string): number | undefined {
    return (this.s.tenantFirst.get(tenant) as { first_seq: number } | undefined)?.first_seq;
  }

  tenantLast(tenant: string): { last_seq: number; recorded_at: number } | undefined {
    return this.s.tenantLast.get(tenant) as { last_seq: number; recorded_at: number } | undefined;
  }

  /** The batch that may hold `seq` (the last one starting at or before it). */
  containing(seq: number): { last_seq: number; recorded_at: number } | undefined {
    return this.s.containing.get(seq) as { last_seq: number; recorded_at: number } | undefined;
  }

  newest(): (IndexRow & { recorded_at: number }) | undefined {
    return this.s.newest.get() as (IndexRow & { recorded_at: number }) | undefined;
  }

  oldest(): IndexRow | undefined {
    return this.s.oldest.get() as IndexRow | undefined;
  }

  /** Last sequence number of the newest batch recorded before `time`: batches up to it are purged together. */
  lastRecordedBefore(time: number): number | undefined {
    return (this.s.lastBefore.get(time) as { last_seq: number } | undefined)?.last_seq;
  }

  eventsThrough(seq: number): number {
    return (this.s.sumThrough.get(seq) as { n: number }).n;
  }

  /** The tenant's events after `cursor` in batches starting at or before `through`, and the last of them. */
  lost(tenant: string, cursor: number, through: number): { n: number; last: number | null } {
    return this.s.lost.get(cursor + 1, tenant, cursor, through) as { n: number; last: number | null };
  }

  deleteThrough(seq: number): void {
    this.s.deleteThrough.run(seq);
  }

  /** Deletes the rows of a segment whose bytes lie past `size` (the file lost its tail); returns how many. */
  dropBeyond(segment: number, size: number): number {
    return this.s.dropBeyond.run(segment, segment, size).changes;
  }

  getMeta(key: string): number | undefined {
    return (this.s.getMeta.get(key) as { value: number } | undefined)?.value;
  }

  setMeta(key: string, value: number): void {
    this.s.setMeta.run(key, value);
  }

  transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
    return this.db.transaction(fn);
  }
}
