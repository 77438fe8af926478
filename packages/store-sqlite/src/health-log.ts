// The health log: one row per record, listed newest first per stream.
import type Database from 'better-sqlite3';
import type { HealthLog, HealthRecord, HealthRecordKind, NewHealthRecord } from '@outflow/core';
import { type HealthRow, toRecord } from '@outflow/store-kit';

export interface SqliteHealthLog extends HealthLog {
  /** Synchronous append, for use inside another transaction (purge). */
  add(record: NewHealthRecord): void;
}

export function createHealthLog(db: Database.Database): SqliteHealthLog {
  const insert = db.prepare(`INSERT INTO health (stream_id, tenant, at, kind, error_kind, status, message, attempts, count)
                             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const list = db.prepare('SELECT * FROM health WHERE stream_id = ? AND id < ? AND at >= ? ORDER BY id DESC LIMIT ?');
  const purge = db.prepare('DELETE FROM health WHERE at < ?');
  const add = (r: NewHealthRecord) => {
    insert.run(r.streamId, r.tenant, r.at, r.kind, r.errorKind ?? null, r.status ?? null, r.message, r.attempts ?? null, r.count ?? null);
  };
  return {
    add,
    append: async (record) => add(record),
    async list(streamId, { limit = 50, beforeId, since } = {}) {
      const rows = list.all(streamId, beforeId ?? Number.MAX_SAFE_INTEGER, since ?? -Number.MAX_VALUE, limit) as HealthRow[];
      return rows.map(toRecord);
    },
    purge: async (before) => purge.run(before).changes,
  };
}
