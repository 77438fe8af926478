// Bearer tokens → tenant and scopes; tokens are kept only as SHA-256 hashes.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Scope } from '../config/schema.js';
import { HttpError } from './respond.js';

export interface Principal {
  tenant: string;
  scopes: ReadonlySet<Scope>;
}

export interface TokenIndex {
  authenticate(req: IncomingMessage): Principal;
  require(req: IncomingMessage, scope: Scope): Principal;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export function createTokenIndex(tokens: ReadonlyArray<{ token: string; tenant: string; scopes: readonly Scope[] }>): TokenIndex {
  const byHash = new Map<string, Principal>();
  for (const t of tokens) byHash.set(hash(t.token), { tenant: t.tenant, scopes: new Set(t.scopes) });
  const authenticate = (req: IncomingMessage): Principal => {
    const header = req.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match) throw new HttpError(401, 'Missing authentication: send "Authorization: Bearer <token>".', 'missing_token', {}, { 'www-authenticate': 'Bearer' });
    const principal = byHash.get(hash(match[1] as string));
    if (!principal) throw new HttpError(401, 'Invalid token.', 'invalid_token', {}, { 'www-authenticate': 'Bearer error="invalid_token"' });
    return principal;
  };
  return {
    authenticate,
    require(req, scope) {
      const p = authenticate(req);
      if (!p.scopes.has(scope)) throw new HttpError(403, `Insufficient scope, expected: ${scope}.`, 'insufficient_scope');
      return p;
    },
  };
}
