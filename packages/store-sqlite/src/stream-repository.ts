// Streams: the definition as JSON next to the delivery state columns (cursor, generation, counters).
import type Database from 'better-sqlite3';
import type { StoredStream, StreamDefinition, StreamPatch, StreamRepository } from '@outflow/core';
import { type StreamRow, toStored } from '@outflow/store-kit';
import type { WriteBatcher } from './write-batcher.js';

export interface SqliteStreams extends StreamRepository {
  /** Cursor positions, for purge (synchronous, inside its transaction). */
  cursors(): Array<{ id: string; tenant: string; cursor: number }>;
  moveCursorForward(id: string, cursor: number): void;
}

export function createStreamRepository(db: Database.Database, writes: WriteBatcher): SqliteStreams {
  const p = (sql: string) => db.prepare(sql);
  const s = {
    all: p('SELECT * FROM streams ORDER BY id'),
    byTenant: p('SELECT * FROM streams WHERE tenant = ? ORDER BY id'),
    get: p('SELECT * FROM streams WHERE id = ?'),
    insert: p('INSERT INTO streams (id, tenant, definition, cursor) VALUES (?, ?, ?, ?)'),
    setDefinition: p('UPDATE streams SET definition = ? WHERE id = ?'),
    delete: p('DELETE FROM streams WHERE id = ?'),
    deleteHealth: p('DELETE FROM health WHERE stream_id = ?'),
    deleteLetters: p('DELETE FROM dead_letters WHERE stream_id = ?'),
    deleteStats: p('DELETE FROM stream_stats WHERE stream_id = ?'),
    commit: p(`UPDATE streams SET cursor = MAX(cursor, ?), delivered = delivered + ?, failing_since = NULL,
               last_success_at = CASE WHEN ? > 0 THEN ? ELSE last_success_at END WHERE id = ? AND generation = ?`),
    setCursor: p('UPDATE streams SET cursor = ?, generation = generation + 1 WHERE id = ?'),
    failure: p('UPDATE streams SET failing_since = COALESCE(failing_since, ?), last_error_at = ? WHERE id = ?'),
    status: p(`UPDATE streams SET suspended_reason = ?, failing_since = CASE WHEN ? THEN NULL ELSE failing_since END WHERE id = ?`),
    deadLettered: p('UPDATE streams SET dead_lettered = dead_lettered + ? WHERE id = ?'),
    cursors: p('SELECT id, tenant, cursor FROM streams'),
    forward: p('UPDATE streams SET cursor = MAX(cursor, ?) WHERE id = ?'),
  };
  const get = (id: string) => {
    const row = s.get.get(id) as StreamRow | undefined;
    return row ? toStored(row) : null;
  };
  /** Applies `change` to the stored definition and, when the stream exists, returns it afterwards. */
  const editDefinition = db.transaction((id: string, change: (d: StreamDefinition) => void, extra?: () => void) => {
    const row = s.get.get(id) as StreamRow | undefined;
    if (!row) return null;
    const definition = JSON.parse(row.definition) as StreamDefinition;
    change(definition);
    s.setDefinition.run(JSON.stringify(definition), id);
    extra?.();
    return get(id);
  });
  const remove = db.transaction((id: string) => {
    s.deleteHealth.run(id);
    s.deleteLetters.run(id);
    s.deleteStats.run(id);
    return s.delete.run(id).changes > 0;
  });

  return {
    async list(tenant) {
      const rows = (tenant === undefined ? s.all.all() : s.byTenant.all(tenant)) as StreamRow[];
      return rows.map(toStored);
    },
    get: async (id) => get(id),
    async create(stream, cursor, at) {
      const definition: StreamDefinition = { ...stream, createdAt: at, updatedAt: at };
      try {
        s.insert.run(stream.id, stream.tenant, JSON.stringify(definition), cursor);
      } catch (error) {
        if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) throw new Error(`Stream ${stream.id} already exists.`);
        throw error;
      }
      return get(stream.id) as StoredStream;
    },
    async update(id, patch: StreamPatch, at) {
      return editDefinition(id, (d) => {
        // A field set to undefined is left alone, except the optional pii_config, which it removes.
        for (const [key, value] of Object.entries(patch)) {
          if (value !== undefined) Object.assign(d, { [key]: value });
          else if (key === 'pii_config') delete d.pii_config;
        }
        d.updatedAt = at;
      });
    },
    delete: async (id) => remove(id),
    commitDelivery(id, c) {
      return writes.run(() => s.commit.run(c.cursor, c.delivered, c.delivered, c.at, id, c.generation).changes > 0);
    },
    async setCursor(id, cursor) {
      s.setCursor.run(cursor, id);
      return get(id);
    },
    // Through the batcher too, so they apply in call order with the cursor commits queued before
    // them: a commit clears failing_since, and a failure recorded after it must not be undone.
    recordFailure(id, at) {
      return writes.run(() => {
        s.failure.run(at, at, id);
        return get(id);
      });
    },
    setStatus(id, status, reason, at) {
      return writes.run(() =>
        editDefinition(
          id,
          (d) => {
            d.status = status;
            d.updatedAt = at;
          },
          () => s.status.run(status === 'suspended' ? reason : null, status === 'active' ? 1 : 0, id),
        ),
      );
    },
    async addDeadLettered(id, count) {
      s.deadLettered.run(count, id);
    },
    cursors: () => s.cursors.all() as Array<{ id: string; tenant: string; cursor: number }>,
    moveCursorForward: (id, cursor) => void s.forward.run(cursor, id),
  };
}
