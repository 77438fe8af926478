// Writes of a leased stream (cursor commits, dead letters, health): applied only while their lease is the stream's current, unexpired one (ADR 0019).
import type pg from 'pg';
import { staleLeaseError, type DeliveryCommit, type LeaseFence } from '@outflow/core';
import { inTransaction } from './connection.js';

/** The cursor update shared by plain and fenced commits ($1 cursor, $2 delivered, $3 at). */
export const COMMIT_SQL = `UPDATE streams SET cursor = GREATEST(cursor, $1), delivered = delivered + $2, failing_since = NULL,
  last_success_at = CASE WHEN $2 > 0 THEN $3 ELSE last_success_at END`;

/**
 * One statement: the lease row is share-locked (a takeover waits for this commit), and the cursor
 * moves only when it is the runner's, of this generation and unexpired by the database's clock.
 */
const FENCED_SQL = `
WITH fence AS (
  SELECT 1 FROM stream_leases WHERE stream_id = $4 AND runner_id = $6 AND generation = $7 AND expires_at > now() FOR SHARE
), moved AS (
  ${COMMIT_SQL} WHERE id = $4 AND generation = $5 AND EXISTS (SELECT 1 FROM fence) RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM fence) AS held, EXISTS (SELECT 1 FROM moved) AS moved`;

/** True when committed, false when a replay moved the cursor's generation; throws `StaleLeaseError` when the lease is not held. */
export async function commitFenced(pool: Pick<pg.Pool, 'query'>, id: string, c: DeliveryCommit): Promise<boolean> {
  const lease = c.lease as NonNullable<DeliveryCommit['lease']>;
  const { rows } = await pool.query<{ held: boolean; moved: boolean }>(FENCED_SQL, [
    c.cursor,
    c.delivered,
    c.at,
    id,
    c.generation,
    lease.runnerId,
    lease.generation,
  ]);
  const row = rows[0];
  if (!row?.held) throw staleLeaseError(id, lease.generation);
  return row.moved;
}

/** Runs `write` plainly without a fence; with one, in a transaction that first share-locks the stream's lease row and refuses a stale lease. */
export async function fencedWrite<T>(
  pool: pg.Pool,
  streamId: string,
  fence: LeaseFence | undefined,
  write: (db: Pick<pg.Pool, 'query'>) => Promise<T>,
): Promise<T> {
  if (!fence) return write(pool);
  return inTransaction(pool, async (client) => {
    await checkLease(client, streamId, fence);
    return write(client);
  });
}

/** Share-locks the stream's lease row inside the caller's transaction; throws `StaleLeaseError` unless `fence` is the current lease. */
export async function checkLease(client: pg.PoolClient, streamId: string, fence: LeaseFence): Promise<void> {
  const held = await client.query('SELECT 1 FROM stream_leases WHERE stream_id = $1 AND runner_id = $2 AND generation = $3 AND expires_at > now() FOR SHARE', [
    streamId,
    fence.runnerId,
    fence.generation,
  ]);
  if (held.rowCount === 0) throw staleLeaseError(streamId, fence.generation);
}
