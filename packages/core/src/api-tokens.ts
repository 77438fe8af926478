// API tokens minted by `outflow tokens create`: stored only as a SHA-256 hash, bound to one tenant.

/** A minted API token as the store keeps it, without its hash (which never leaves the store but as a lookup key). */
export interface ApiToken {
  /** Public identifier, e.g. `tok_3f9a…`; safe to print and log. */
  id: string;
  tenant: string;
  name: string | null;
  scopes: string[];
  createdAt: number;
  /** Epoch ms after which the token is refused, or null for no expiry. */
  expiresAt: number | null;
  /** Last time a runner accepted the token (updated at most once per lookup-cache period), or null. */
  lastUsedAt: number | null;
  /** When it was revoked, or null while it is valid. */
  revokedAt: number | null;
}

export type NewApiToken = Omit<ApiToken, 'lastUsedAt' | 'revokedAt'> & {
  /** SHA-256 of the token text, lowercase hex. */
  hash: string;
};

export interface ApiTokenRepository {
  /** Stores a new token; rejects a duplicate id or hash. */
  create(token: NewApiToken): Promise<ApiToken>;
  /** The token with this hash (revoked and expired ones included: the caller decides), or null. */
  findByHash(hash: string): Promise<ApiToken | null>;
  /** Tokens of one tenant (or all), oldest first; revoked ones included. */
  list(tenant?: string): Promise<ApiToken[]>;
  /** Marks the token revoked; false when it does not exist or was already revoked. */
  revoke(id: string, at: number): Promise<boolean>;
  /** Records that the token was used at `at` (never moves `lastUsedAt` backwards). */
  touch(id: string, at: number): Promise<void>;
}
