// Opening a schema made before day partitions: the old unpartitioned `batches` becomes one partition of the new table (no rows copied).
import type pg from 'pg';
import { DAY_MS, dayOf } from './partitions.js';

/** The old table and its indexes get these names while the partitioned table takes theirs. */
export const LEGACY = 'batches_legacy';

const KIND = "SELECT c.relkind FROM pg_class c WHERE c.oid = to_regclass(current_schema() || '.batches')";

/**
 * Step 1, before the DDL: when `batches` is a plain table (schema of an older version), rename it
 * and its indexes out of the way. Returns whether it did, so step 2 attaches it.
 */
export async function setAsideLegacyBatches(client: pg.ClientBase): Promise<boolean> {
  const kind = (await client.query<{ relkind: string }>(KIND)).rows[0]?.relkind;
  if (kind !== 'r') return false;
  await client.query(`ALTER TABLE batches RENAME TO ${LEGACY};
    ALTER INDEX IF EXISTS batches_pkey RENAME TO ${LEGACY}_pkey;
    ALTER INDEX IF EXISTS batches_tenant RENAME TO ${LEGACY}_tenant;
    ALTER INDEX IF EXISTS batches_recorded RENAME TO ${LEGACY}_recorded`);
  return true;
}

/**
 * Step 2, after the DDL made the partitioned `batches`: attach the old table as one partition
 * covering the UTC days of its rows (empty: drop it). PostgreSQL scans it once to check the
 * bound and builds the (first_seq, recorded_at) key on it; its other indexes are reused. The
 * retention purge deletes from it until its last day passes the cutoff, then drops it whole.
 */
export async function attachLegacyBatches(client: pg.ClientBase): Promise<{ rows: number; from?: number; to?: number }> {
  const span = (
    await client.query<{ lo: number | null; hi: number | null; n: number }>(
      `SELECT MIN(recorded_at) AS lo, MAX(recorded_at) AS hi, COUNT(*)::bigint AS n FROM ${LEGACY}`,
    )
  ).rows[0];
  if (!span || span.lo === null || span.hi === null) {
    await client.query(`DROP TABLE ${LEGACY}`);
    return { rows: 0 };
  }
  const from = dayOf(span.lo);
  const to = dayOf(span.hi) + DAY_MS;
  // The old primary key (first_seq alone) cannot serve a partitioned table's key; the new one replaces it.
  await client.query(`ALTER TABLE ${LEGACY} DROP CONSTRAINT IF EXISTS ${LEGACY}_pkey`);
  await client.query(`ALTER TABLE batches ATTACH PARTITION ${LEGACY} FOR VALUES FROM (${from}) TO (${to})`);
  return { rows: span.n, from, to };
}
