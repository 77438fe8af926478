// Streams: the definition as JSON text next to the delivery state columns (cursor, generation, counters); changes publish on the control channel.
import type pg from 'pg';
import type { LeaseFence, StoredStream, StreamDefinition, StreamPatch, StreamRepository } from '@outflow/core';
import { inTransaction } from './connection.js';
import type { ControlChannel } from './control-channel.js';
import { checkLease, COMMIT_SQL, commitFenced, fencedWrite } from './fenced-commit.js';
import { createSerialWrites } from './serial-writes.js';
import { type StreamRow, toStored } from '@outflow/store-kit';

type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

const one = async (db: Queryable, sql: string, params: unknown[]) => {
  const row = (await db.query<StreamRow>(sql, params)).rows[0];
  return row ? toStored(row) : null;
};

/** `control` tells the other runners of each change in the changing transaction (ADR 0020). */
export function createStreamRepository(pool: pg.Pool, control?: Pick<ControlChannel, 'notify'>): StreamRepository {
  const serial = createSerialWrites();
  const tell = async (db: pg.PoolClient, op: 'created' | 'changed' | 'deleted', streamId: string) => {
    await control?.notify(db, { op, streamId });
  };
  const get = (id: string, db: Queryable = pool) => one(db, 'SELECT * FROM streams WHERE id = $1', [id]);
  /** Applies `change` to the stored definition under a row lock and returns the stream afterwards (null when missing). */
  const editDefinition = (id: string, change: (d: StreamDefinition) => void, extra?: (c: pg.PoolClient) => Promise<unknown>, fence?: LeaseFence) =>
    inTransaction(pool, async (client) => {
      if (fence) await checkLease(client, id, fence);
      const row = (await client.query<StreamRow>('SELECT * FROM streams WHERE id = $1 FOR UPDATE', [id])).rows[0];
      if (!row) return null;
      const definition = JSON.parse(row.definition) as StreamDefinition;
      change(definition);
      await client.query('UPDATE streams SET definition = $1 WHERE id = $2', [JSON.stringify(definition), id]);
      await extra?.(client);
      await tell(client, 'changed', id);
      return get(id, client);
    });

  return {
    async list(tenant) {
      const { rows } =
        tenant === undefined
          ? await pool.query<StreamRow>('SELECT * FROM streams ORDER BY id COLLATE "C"')
          : await pool.query<StreamRow>('SELECT * FROM streams WHERE tenant = $1 ORDER BY id COLLATE "C"', [tenant]);
      return rows.map(toStored);
    },
    get: (id) => get(id),
    async create(stream, cursor, at) {
      const definition: StreamDefinition = { ...stream, createdAt: at, updatedAt: at };
      try {
        return await inTransaction(pool, async (client) => {
          const created = (await one(client, 'INSERT INTO streams (id, tenant, definition, cursor) VALUES ($1, $2, $3, $4) RETURNING *', [
            stream.id,
            stream.tenant,
            JSON.stringify(definition),
            cursor,
          ])) as StoredStream;
          await tell(client, 'created', stream.id);
          return created;
        });
      } catch (error) {
        if ((error as { code?: string }).code === '23505') throw new Error(`Stream ${stream.id} already exists.`);
        throw error;
      }
    },
    update(id, patch: StreamPatch, at) {
      return editDefinition(id, (d) => {
        // A field set to undefined is left alone, except the optional pii_config, which it removes.
        for (const [key, value] of Object.entries(patch)) {
          if (value !== undefined) Object.assign(d, { [key]: value });
          else if (key === 'pii_config') delete d.pii_config;
        }
        d.updatedAt = at;
      });
    },
    delete: (id) =>
      inTransaction(pool, async (client) => {
        for (const table of ['health', 'dead_letters', 'stream_stats']) await client.query(`DELETE FROM ${table} WHERE stream_id = $1`, [id]);
        const deleted = ((await client.query('DELETE FROM streams WHERE id = $1', [id])).rowCount ?? 0) > 0;
        if (deleted) await tell(client, 'deleted', id);
        return deleted;
      }),
    commitDelivery: (id, c) =>
      serial(id, async () => {
        if (c.lease) return commitFenced(pool, id, c);
        const result = await pool.query(`${COMMIT_SQL} WHERE id = $4 AND generation = $5`, [c.cursor, c.delivered, c.at, id, c.generation]);
        return (result.rowCount ?? 0) > 0;
      }),
    setCursor: (id, cursor) =>
      serial(id, () =>
        inTransaction(pool, async (client) => {
          const moved = await one(client, 'UPDATE streams SET cursor = $1, generation = generation + 1 WHERE id = $2 RETURNING *', [cursor, id]);
          if (moved) await tell(client, 'changed', id);
          return moved;
        }),
      ),
    recordFailure: (id, at, fence) =>
      serial(id, () =>
        fencedWrite(pool, id, fence, (db) =>
          one(db, 'UPDATE streams SET failing_since = COALESCE(failing_since, $1), last_error_at = $1 WHERE id = $2 RETURNING *', [at, id]),
        ),
      ),
    setStatus: (id, status, reason, at, fence) =>
      serial(id, () =>
        editDefinition(
          id,
          (d) => {
            d.status = status;
            d.updatedAt = at;
          },
          (client) =>
            client.query('UPDATE streams SET suspended_reason = $1, failing_since = CASE WHEN $2 THEN NULL ELSE failing_since END WHERE id = $3', [
              status === 'suspended' ? reason : null,
              status === 'active',
              id,
            ]),
          fence,
        ),
      ),
    addDeadLettered: (id, count, fence) =>
      serial(id, () =>
        fencedWrite(pool, id, fence, async (db) => {
          await db.query('UPDATE streams SET dead_lettered = dead_lettered + $1 WHERE id = $2', [count, id]);
        }),
      ),
  };
}
