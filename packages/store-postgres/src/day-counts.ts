// Events per UTC day and tenant of `batches` (batch_days), kept by every group commit: a purge counts whole days from it instead of reading their rows.
import type pg from 'pg';
import { DAY_MS } from './partitions.js';

/**
 * One row per (day, tenant): how many events the tenant's batches recorded that day hold, and
 * bounds of their seqs. `last_seq` is exact; `first_seq` is a lower bound (a purge that deletes a
 * day's prefix raises it to just after the purged seqs). The group commit upserts it in the same
 * statement that inserts the rows (append-batches.ts), the purge subtracts what it removes.
 */
const DDL = `CREATE TABLE batch_days (
  day DOUBLE PRECISION NOT NULL,
  tenant TEXT NOT NULL,
  events BIGINT NOT NULL,
  first_seq BIGINT NOT NULL,
  last_seq BIGINT NOT NULL,
  PRIMARY KEY (day, tenant)
)`;

/** The group commit's part (a CTE over its `up` and `r` CTEs): adds each group's rows to their days. */
export const COUNT_DAYS_CTE = `dc AS (INSERT INTO batch_days (day, tenant, events, first_seq, last_seq)
       SELECT floor(GREATEST(up.base_at, r.at) / ${DAY_MS}) * ${DAY_MS}, r.tenant, SUM(r.n), MIN(up.base + r.off + 1), MAX(up.base + r.off + r.n)
       FROM up, r GROUP BY 1, 2
       ON CONFLICT (day, tenant) DO UPDATE SET events = batch_days.events + EXCLUDED.events,
         first_seq = LEAST(batch_days.first_seq, EXCLUDED.first_seq), last_seq = GREATEST(batch_days.last_seq, EXCLUDED.last_seq))`;

/**
 * Creates batch_days when missing and fills it from the rows already there (a database made by an
 * older version, or a migrated unpartitioned table): one scan, once. Runs in open's DDL transaction.
 */
export async function ensureDayCounts(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ exists: boolean }>("SELECT to_regclass(current_schema() || '.batch_days') IS NOT NULL AS exists");
  if (rows[0]?.exists) return false;
  await client.query(DDL);
  await client.query(`INSERT INTO batch_days (day, tenant, events, first_seq, last_seq)
    SELECT floor(recorded_at / ${DAY_MS}) * ${DAY_MS}, tenant, SUM(count), MIN(first_seq), MAX(last_seq) FROM batches GROUP BY 1, 2`);
  return true;
}

export interface DayCount {
  day: number;
  tenant: string;
  events: number;
  first_seq: number;
  last_seq: number;
}

/** The counts of the days before `to` (the days of the partitions about to be dropped). */
export async function daysBefore(client: pg.ClientBase, to: number): Promise<DayCount[]> {
  return (await client.query<DayCount>('SELECT day, tenant, events, first_seq, last_seq FROM batch_days WHERE day < $1', [to])).rows;
}

/** A purge removed the days before `droppedTo` and these rows (deleted from the boundary days), all at or below `through`. */
export async function subtractPurged(
  client: pg.ClientBase,
  droppedTo: number,
  deleted: ReadonlyArray<{ tenant: string; count: number; recorded_at: number }>,
  through: number,
): Promise<void> {
  if (droppedTo > Number.NEGATIVE_INFINITY) await client.query('DELETE FROM batch_days WHERE day < $1', [droppedTo]);
  if (deleted.length === 0) return;
  const sums = new Map<string, { day: number; tenant: string; n: number }>();
  for (const r of deleted) {
    const day = Math.floor(r.recorded_at / DAY_MS) * DAY_MS;
    const key = `${day} ${r.tenant}`;
    const s = sums.get(key) ?? { day, tenant: r.tenant, n: 0 };
    s.n += r.count;
    sums.set(key, s);
  }
  const list = [...sums.values()];
  await client.query(
    `UPDATE batch_days b SET events = b.events - d.n, first_seq = GREATEST(b.first_seq, $4::bigint + 1)
     FROM unnest($1::float8[], $2::text[], $3::bigint[]) AS d(day, tenant, n) WHERE b.day = d.day AND b.tenant = d.tenant`,
    [list.map((s) => s.day), list.map((s) => s.tenant), list.map((s) => s.n), through],
  );
  await client.query('DELETE FROM batch_days WHERE events <= 0');
}
