// API token text: minting (`ofk_` + 32 random bytes, base64url), its SHA-256 hash and public ids.
import { createHash, randomBytes } from 'node:crypto';

/** The prefix of every minted token, so secret scanners and people recognise one. */
export const TOKEN_PREFIX = 'ofk_';

/** A new token: `ofk_` and 43 base64url characters (256 random bits). Shown once, never stored. */
export const mintTokenSecret = (): string => `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;

/** What the store keeps and looks tokens up by: SHA-256 of the token text, lowercase hex. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A public token id, e.g. `tok_9c2e41d07a5b13f8`; safe to print and log. */
export const newTokenId = (): string => `tok_${randomBytes(8).toString('hex')}`;

/** The id a config token goes by in logs and rate limits (derived from its hash, never from its text). */
export const configTokenId = (hash: string): string => `cfg_${hash.slice(0, 12)}`;
