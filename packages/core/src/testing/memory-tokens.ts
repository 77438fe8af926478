// The in-memory API token repository of the memory store.
import type { ApiToken, ApiTokenRepository, NewApiToken } from '../api-tokens.js';

export function createMemoryTokenRepository(): ApiTokenRepository {
  const byId = new Map<string, ApiToken & { hash: string }>();
  const view = ({ hash: _hash, ...token }: ApiToken & { hash: string }): ApiToken => structuredClone(token);
  return {
    async create(token: NewApiToken) {
      if (byId.has(token.id)) throw new Error(`API token ${token.id} already exists.`);
      if ([...byId.values()].some((t) => t.hash === token.hash)) throw new Error('An API token with the same hash already exists.');
      const stored = { ...structuredClone(token), lastUsedAt: null, revokedAt: null };
      byId.set(token.id, stored);
      return view(stored);
    },
    async findByHash(hash) {
      const found = [...byId.values()].find((t) => t.hash === hash);
      return found ? view(found) : null;
    },
    async list(tenant) {
      return [...byId.values()]
        .filter((t) => tenant === undefined || t.tenant === tenant)
        .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
        .map(view);
    },
    async revoke(id, at) {
      const t = byId.get(id);
      if (!t || t.revokedAt !== null) return false;
      t.revokedAt = at;
      return true;
    },
    async touch(id, at) {
      const t = byId.get(id);
      if (t && (t.lastUsedAt === null || t.lastUsedAt < at)) t.lastUsedAt = at;
    },
  };
}
