// Bearer tokens → tenant and scopes: config tokens, then minted tokens from the store; only SHA-256 hashes are kept.
import type { IncomingMessage } from 'node:http';
import type { ApiToken, ApiTokenRepository, Logger } from '@outflow/core';
import { SCOPES, type Scope, type TokenConfig } from '../config/schema.js';
import { HttpError } from './respond.js';
import { createStoreTokenCache } from './store-token-cache.js';
import { configTokenId, hashToken } from './token-secret.js';

export interface Principal {
  /** The token's public id (`tok_…` minted, `cfg_…` from config); never the token. */
  tokenId: string;
  tenant: string;
  scopes: ReadonlySet<Scope>;
  /** A config token's own budgets (overrides server.rateLimit). */
  rateLimit?: TokenConfig['rateLimit'];
}

export interface TokenIndex {
  /**
   * Resolves the request's bearer token once, before routing (config tokens, then the store), and
   * keeps the outcome for the request. Null when there is no valid token; nothing is thrown, so
   * paths without authentication still work.
   */
  resolve(req: IncomingMessage): Promise<Principal | null>;
  /** The resolved principal; 401 when the request has none. */
  authenticate(req: IncomingMessage): Principal;
  /** The resolved principal, 403 when it lacks the scope. Synchronous: it reads what `resolve` kept. */
  require(req: IncomingMessage, scope: Scope): Principal;
  /** Replaces the config tokens (config reload); requests already resolved keep their principal. */
  setConfigTokens(tokens: readonly TokenConfig[]): void;
}

export interface TokenIndexOptions {
  tokens: readonly TokenConfig[];
  /** Minted tokens; omitted, only config tokens work. */
  store?: ApiTokenRepository;
  now?: () => number;
  /** How long a store lookup is reused (default 5 s). */
  cacheTtlMs?: number;
  logger?: Logger;
}

type Outcome = { principal: Principal } | { error: HttpError };

const missing = () =>
  new HttpError(401, 'Missing authentication: send "Authorization: Bearer <token>".', 'missing_token', {}, { 'www-authenticate': 'Bearer' });
const invalid = (message = 'Invalid token.') => new HttpError(401, message, 'invalid_token', {}, { 'www-authenticate': 'Bearer error="invalid_token"' });
const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

function storedPrincipal(t: ApiToken, now: number): Outcome {
  if (t.revokedAt !== null) return { error: invalid('Invalid token: it was revoked.') };
  if (t.expiresAt !== null && t.expiresAt <= now) return { error: invalid('Invalid token: it expired.') };
  const scopes = new Set(t.scopes.filter((s): s is Scope => (SCOPES as readonly string[]).includes(s)));
  return { principal: { tokenId: t.id, tenant: t.tenant, scopes } };
}

function indexConfigTokens(tokens: readonly TokenConfig[]): Map<string, Principal> {
  const byHash = new Map<string, Principal>();
  for (const t of tokens) {
    const hash = hashToken(t.token);
    byHash.set(hash, {
      tokenId: configTokenId(hash),
      tenant: t.tenant,
      scopes: new Set(t.scopes),
      ...(t.rateLimit !== undefined ? { rateLimit: t.rateLimit } : {}),
    });
  }
  return byHash;
}

export function createTokenIndex(o: TokenIndexOptions): TokenIndex {
  const now = o.now ?? Date.now;
  const logger = o.logger ?? silent;
  let byHash = indexConfigTokens(o.tokens);
  const cache = o.store ? createStoreTokenCache({ repo: o.store, now, ttlMs: o.cacheTtlMs ?? 5000, logger }) : null;
  const outcomes = new WeakMap<IncomingMessage, Outcome>();

  const lookup = async (req: IncomingMessage): Promise<Outcome> => {
    const header = req.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match) return { error: missing() };
    const hash = hashToken(match[1] as string);
    const fromConfig = byHash.get(hash);
    if (fromConfig) return { principal: fromConfig };
    if (!cache) return { error: invalid() };
    let stored: ApiToken | null;
    try {
      stored = await cache.lookup(hash);
    } catch (err) {
      logger.error({ err }, 'The token store could not be read.');
      return { error: new HttpError(503, 'Tokens cannot be checked right now; retry later.', 'store_unavailable') };
    }
    return stored ? storedPrincipal(stored, now()) : { error: invalid() };
  };

  const authenticate = (req: IncomingMessage): Principal => {
    const outcome = outcomes.get(req) ?? { error: missing() };
    if ('error' in outcome) throw outcome.error;
    return outcome.principal;
  };

  return {
    async resolve(req) {
      const known = outcomes.get(req);
      const outcome = known ?? (await lookup(req));
      if (!known) outcomes.set(req, outcome);
      return 'principal' in outcome ? outcome.principal : null;
    },
    authenticate,
    require(req, scope) {
      const p = authenticate(req);
      if (!p.scopes.has(scope)) throw new HttpError(403, `Insufficient scope, expected: ${scope}.`, 'insufficient_scope');
      return p;
    },
    setConfigTokens(tokens) {
      byHash = indexConfigTokens(tokens);
    },
  };
}
