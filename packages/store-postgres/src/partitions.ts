// Day partitions of `batches` (range on recorded_at, UTC days): names, creation on demand, the catalog's list, whole-partition drops.
import type pg from 'pg';

export const DAY_MS = 86_400_000;

/** Runners opening a database, or making partitions, take turns (one lock for every schema). */
export const DDL_LOCK = "SELECT pg_advisory_xact_lock(hashtext('outflow.store-postgres.ddl'))";

/** Start of the UTC day holding `ms` (epoch ms). */
export const dayOf = (ms: number): number => Math.floor(ms / DAY_MS) * DAY_MS;

/** `batches_d20261207` for the day starting at `day`; days before 1970 or after 9999 get their epoch-ms start instead. */
export function partitionName(day: number): string {
  const d = new Date(day);
  const y = d.getUTCFullYear();
  if (!Number.isFinite(day) || y < 1970 || y > 9999) return `batches_m${day < 0 ? 'n' : ''}${Math.abs(day)}`;
  return `batches_d${y}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
}

export interface Partition {
  name: string;
  /** Range bounds in epoch ms: [from, to). */
  from: number;
  to: number;
}

const LIST = `SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound FROM pg_inherits i
  JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = to_regclass(current_schema() || '.batches') ORDER BY c.relname`;
const BOUND = /FROM \('?(-?[0-9.e+]+)'?\) TO \('?(-?[0-9.e+]+)'?\)/;

/** The partitions of `batches` with their bounds, oldest first. */
export async function listPartitions(client: pg.ClientBase): Promise<Partition[]> {
  const { rows } = await client.query<{ name: string; bound: string }>(LIST);
  return rows
    .map((r) => {
      const m = BOUND.exec(r.bound);
      if (!m) throw new Error(`Partition ${r.name} of batches has an unexpected bound: ${r.bound}`);
      return { name: r.name, from: Number(m[1]), to: Number(m[2]) };
    })
    .sort((a, b) => a.from - b.from);
}

/**
 * Makes sure a partition holds each of these days: creates a day partition for every day no
 * existing partition covers (the legacy one may cover several). The caller serializes creators
 * with the DDL advisory lock (open and the append path both take it).
 */
export async function ensureDayPartitions(client: pg.ClientBase, days: Iterable<number>): Promise<void> {
  const existing = await listPartitions(client);
  const missing = [...new Set(days)].filter((day) => !existing.some((p) => p.from <= day && day < p.to));
  const sql = missing.map((day) => `CREATE TABLE IF NOT EXISTS ${partitionName(day)} PARTITION OF batches FOR VALUES FROM (${day}) TO (${day + DAY_MS})`);
  if (sql.length > 0) await client.query(sql.join(';\n'));
}

/**
 * Drops every partition lying entirely before `before` (its upper bound at or below it) and
 * returns their names. Takes an ACCESS EXCLUSIVE lock on `batches` until the transaction ends,
 * and the commit unlinks the files meanwhile: the purge detaches instead (below).
 */
export async function dropPartitionsBefore(client: pg.ClientBase, before: number): Promise<string[]> {
  const gone = (await listPartitions(client)).filter((p) => p.to <= before).map((p) => p.name);
  if (gone.length > 0) await client.query(gone.map((name) => `DROP TABLE ${name}`).join(';\n'));
  return gone;
}

/** Prefix of partitions a purge detached: dropped right after its commit, or by a later purge if that never happened. */
export const PURGED_PREFIX = 'batches_purged_';

/**
 * Detaches every partition lying entirely before `before` and renames it `batches_purged_<ms>_<i>`
 * (so the day's name is free again for an append that needs it); returns the new names. Metadata
 * only: the files stay until `dropPurged`, after the purge committed and released `batches`.
 */
export async function detachPartitionsBefore(client: pg.ClientBase, before: number, stamp: number): Promise<string[]> {
  const gone = (await listPartitions(client)).filter((p) => p.to <= before);
  const names = gone.map((_, i) => `${PURGED_PREFIX}${stamp}_${i}`);
  const sql = gone.flatMap((p, i) => [`ALTER TABLE batches DETACH PARTITION ${p.name}`, `ALTER TABLE ${p.name} RENAME TO ${names[i]}`]);
  if (sql.length > 0) await client.query(sql.join(';\n'));
  return names;
}

/** Drops the detached partitions of this schema (their files are unlinked at this commit, locking only them). */
export async function dropPurged(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname LIKE '${PURGED_PREFIX.replace(/_/g, '\\_')}%' AND NOT c.relispartition`,
  );
  const dropped: string[] = [];
  for (const { name } of rows) {
    // Another runner's purge may drop the same table at the same moment.
    await pool.query(`DROP TABLE IF EXISTS ${name}`).then(
      () => dropped.push(name),
      () => undefined,
    );
  }
  return dropped;
}
