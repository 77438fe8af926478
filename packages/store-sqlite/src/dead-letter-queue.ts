// Dead letters: refused events kept with their raw envelope text and the reason, listed oldest first.
import type Database from 'better-sqlite3';
import type { DeadLetter, DeadLetterQueue, NewDeadLetter } from '@outflow/core';
import { type LetterRow, toLetter } from '@outflow/store-kit';

export function createDeadLetterQueue(db: Database.Database): DeadLetterQueue {
  const insert = db.prepare(`INSERT INTO dead_letters (stream_id, tenant, seq, log_id, type, raw, at, error_kind, status, message)
                             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const list = db.prepare('SELECT * FROM dead_letters WHERE stream_id = ? AND id > ? ORDER BY id LIMIT ?');
  const count = db.prepare('SELECT COUNT(*) AS n FROM dead_letters WHERE stream_id = ?');
  const remove = db.prepare('DELETE FROM dead_letters WHERE id = ?');
  const addAll = db.transaction((letters: readonly NewDeadLetter[]) => {
    for (const l of letters) {
      insert.run(l.streamId, l.tenant, l.seq, l.logId, l.type, l.raw, l.at, l.errorKind, l.status ?? null, l.message);
    }
  });
  const removeAll = db.transaction((ids: readonly number[]) => {
    for (const id of ids) remove.run(id);
  });
  return {
    add: async (letters) => addAll(letters),
    async list(streamId, { limit = 100, afterId = 0 } = {}) {
      return (list.all(streamId, afterId, limit) as LetterRow[]).map(toLetter);
    },
    count: async (streamId) => (count.get(streamId) as { n: number }).n,
    remove: async (ids) => removeAll(ids),
  };
}
