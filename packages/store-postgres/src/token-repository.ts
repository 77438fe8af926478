// API tokens in PostgreSQL: one row per minted token, looked up by its SHA-256 hash.
import type pg from 'pg';
import type { ApiToken, ApiTokenRepository } from '@outflow/core';
import { type TokenRow, TOKEN_COLUMNS as COLUMNS, toToken } from '@outflow/store-kit';

export function createTokenRepository(pool: pg.Pool): ApiTokenRepository {
  return {
    async create(t) {
      const { rows } = await pool.query<TokenRow>(
        `INSERT INTO api_tokens (id, hash, tenant, name, scopes, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
        [t.id, t.hash, t.tenant, t.name, JSON.stringify(t.scopes), t.createdAt, t.expiresAt],
      );
      return toToken(rows[0] as TokenRow);
    },
    async findByHash(hash) {
      const row = (await pool.query<TokenRow>(`SELECT ${COLUMNS} FROM api_tokens WHERE hash = $1`, [hash])).rows[0];
      return row ? toToken(row) : null;
    },
    async list(tenant) {
      const { rows } =
        tenant === undefined
          ? await pool.query<TokenRow>(`SELECT ${COLUMNS} FROM api_tokens ORDER BY created_at, id COLLATE "C"`)
          : await pool.query<TokenRow>(`SELECT ${COLUMNS} FROM api_tokens WHERE tenant = $1 ORDER BY created_at, id COLLATE "C"`, [tenant]);
      return rows.map(toToken);
    },
    revoke: async (id, at) => ((await pool.query('UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id])).rowCount ?? 0) > 0,
    async touch(id, at) {
      await pool.query('UPDATE api_tokens SET last_used_at = $1 WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $1)', [at, id]);
    },
  };
}
