// Minted-token lookups with a short-lived, bounded cache: new tokens work at once, revocations within the TTL.
import type { ApiToken, ApiTokenRepository, Logger } from '@outflow/core';

export interface StoreTokenCache {
  /** The stored token with this hash (possibly revoked or expired), or null; cached for the TTL. */
  lookup(hash: string): Promise<ApiToken | null>;
}

interface Entry {
  token: ApiToken | null;
  until: number;
}

export interface StoreTokenCacheOptions {
  repo: ApiTokenRepository;
  now: () => number;
  /** How long a lookup (found or not) is reused; 0 looks every request up. */
  ttlMs: number;
  /** Entries kept at most; the oldest go first (bounds memory under floods of unknown tokens). */
  maxEntries?: number;
  logger: Logger;
}

export function createStoreTokenCache(o: StoreTokenCacheOptions): StoreTokenCache {
  const max = o.maxEntries ?? 10_000;
  const entries = new Map<string, Entry>();
  return {
    async lookup(hash) {
      const now = o.now();
      const hit = entries.get(hash);
      if (hit && hit.until > now) return hit.token;
      entries.delete(hash);
      const token = await o.repo.findByHash(hash);
      if (o.ttlMs > 0) {
        entries.set(hash, { token, until: now + o.ttlMs });
        if (entries.size > max) entries.delete(entries.keys().next().value as string);
      }
      // Last use is written once per lookup that reached the store, not on every request.
      if (token && token.revokedAt === null) {
        o.repo.touch(token.id, now).catch((err: unknown) => o.logger.warn({ err, tokenId: token.id }, 'The last use of an API token could not be recorded.'));
      }
      return token;
    },
  };
}
