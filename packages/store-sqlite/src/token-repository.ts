// API tokens in SQLite: one row per minted token, looked up by its SHA-256 hash.
import type Database from 'better-sqlite3';
import type { ApiToken, ApiTokenRepository } from '@outflow/core';
import { type TokenRow, TOKEN_COLUMNS as COLUMNS, toToken } from '@outflow/store-kit';

export function createTokenRepository(db: Database.Database): ApiTokenRepository {
  const insert = db.prepare('INSERT INTO api_tokens (id, hash, tenant, name, scopes, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const byHash = db.prepare(`SELECT ${COLUMNS} FROM api_tokens WHERE hash = ?`);
  const byId = db.prepare(`SELECT ${COLUMNS} FROM api_tokens WHERE id = ?`);
  const all = db.prepare(`SELECT ${COLUMNS} FROM api_tokens ORDER BY created_at, id`);
  const ofTenant = db.prepare(`SELECT ${COLUMNS} FROM api_tokens WHERE tenant = ? ORDER BY created_at, id`);
  const revoke = db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  const touch = db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)');
  return {
    async create(t) {
      insert.run(t.id, t.hash, t.tenant, t.name, JSON.stringify(t.scopes), t.createdAt, t.expiresAt);
      return toToken(byId.get(t.id) as TokenRow);
    },
    async findByHash(hash) {
      const row = byHash.get(hash) as TokenRow | undefined;
      return row ? toToken(row) : null;
    },
    async list(tenant) {
      return ((tenant === undefined ? all.all() : ofTenant.all(tenant)) as TokenRow[]).map(toToken);
    },
    revoke: async (id, at) => revoke.run(at, id).changes > 0,
    async touch(id, at) {
      touch.run(at, id, at);
    },
  };
}
