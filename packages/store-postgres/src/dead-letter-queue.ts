// Dead letters: refused events kept with their raw envelope text and the reason, listed oldest first.
import type pg from 'pg';
import type { DeadLetter, DeadLetterQueue } from '@outflow/core';
import { type LetterRow, toLetter } from '@outflow/store-kit';
import { fencedWrite } from './fenced-commit.js';

const INSERT = `INSERT INTO dead_letters (stream_id, tenant, seq, log_id, type, raw, at, error_kind, status, message)
  SELECT stream_id, tenant, seq, log_id, type, raw, at, error_kind, status, message FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::text[], $9::int[], $10::text[])
  WITH ORDINALITY AS l(stream_id, tenant, seq, log_id, type, raw, at, error_kind, status, message, n) ORDER BY n`;

export function createDeadLetterQueue(pool: pg.Pool): DeadLetterQueue {
  return {
    async add(letters, fence) {
      const first = letters[0];
      if (!first) return;
      const col = <K extends keyof (typeof letters)[number]>(k: K) => letters.map((l) => l[k] ?? null);
      // One statement for the whole list, in order (ids follow the list order).
      const params = [
        col('streamId'),
        col('tenant'),
        col('seq'),
        col('logId'),
        col('type'),
        col('raw'),
        col('at'),
        col('errorKind'),
        col('status'),
        col('message'),
      ];
      await fencedWrite(pool, first.streamId, fence, (db) => db.query(INSERT, params));
    },
    async list(streamId, { limit = 100, afterId = 0 } = {}) {
      const { rows } = await pool.query<LetterRow>('SELECT * FROM dead_letters WHERE stream_id = $1 AND id > $2 ORDER BY id LIMIT $3', [
        streamId,
        afterId,
        limit,
      ]);
      return rows.map(toLetter);
    },
    count: async (streamId) => (await pool.query<{ n: number }>('SELECT count(*) AS n FROM dead_letters WHERE stream_id = $1', [streamId])).rows[0]?.n ?? 0,
    async remove(ids) {
      if (ids.length > 0) await pool.query('DELETE FROM dead_letters WHERE id = ANY($1::bigint[])', [ids]);
    },
  };
}
