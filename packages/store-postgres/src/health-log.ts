// The health log: one row per record, listed newest first per stream.
import type pg from 'pg';
import type { HealthLog, HealthRecord, HealthRecordKind } from '@outflow/core';
import { type HealthRow, toRecord } from '@outflow/store-kit';
import { fencedWrite } from './fenced-commit.js';

export function createHealthLog(pool: pg.Pool): HealthLog {
  return {
    async append(r, fence) {
      await fencedWrite(pool, r.streamId, fence, (db) =>
        db.query('INSERT INTO health (stream_id, tenant, at, kind, error_kind, status, message, attempts, count) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
          r.streamId,
          r.tenant,
          r.at,
          r.kind,
          r.errorKind ?? null,
          r.status ?? null,
          r.message,
          r.attempts ?? null,
          r.count ?? null,
        ]),
      );
    },
    async list(streamId, { limit = 50, beforeId, since } = {}) {
      const { rows } = await pool.query<HealthRow>('SELECT * FROM health WHERE stream_id = $1 AND id < $2 AND at >= $3 ORDER BY id DESC LIMIT $4', [
        streamId,
        beforeId ?? Number.MAX_SAFE_INTEGER,
        since ?? -Number.MAX_VALUE,
        limit,
      ]);
      return rows.map(toRecord);
    },
    purge: async (before) => (await pool.query('DELETE FROM health WHERE at < $1', [before])).rowCount ?? 0,
  };
}
