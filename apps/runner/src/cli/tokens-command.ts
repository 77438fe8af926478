// `outflow tokens create|list|revoke`: mints and manages API tokens directly in the configured store.
import { parseArgs } from 'node:util';
import { ConfigError, parseDuration } from '@outflow/core';
import { loadConfigFile } from '../config/load.js';
import { SCOPES, type Scope } from '../config/schema.js';
import { hashToken, mintTokenSecret, newTokenId } from '../server/token-secret.js';
import { openConfiguredTokenStore } from '../store-factory.js';
import { tokenJson, tokenTable } from './tokens-format.js';

export const TOKENS_USAGE = `Usage:
  outflow tokens create --tenant T --scopes a,b [--name N] [--expires 90d] [--json] [--config FILE]
  outflow tokens list [--tenant T] [--json] [--config FILE]
  outflow tokens revoke <id> [--config FILE]

Scopes: ${SCOPES.join(', ')}.
The token is printed once by "create" and only its SHA-256 hash is stored. A running runner
accepts a new token at once and refuses a revoked one within server.tokenCacheTtl (5s).`;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  now(): number;
}

const consoleIo: CliIo = { out: (t) => console.log(t), err: (t) => console.error(t), now: () => Date.now() };

function parseScopes(raw: string | undefined): Scope[] {
  const list = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.length === 0) throw new ConfigError(`--scopes is required: a comma-separated list of ${SCOPES.join(', ')}.`);
  const bad = list.filter((s) => !(SCOPES as readonly string[]).includes(s));
  if (bad.length)
    throw new ConfigError(`--scopes: unknown scope${bad.length > 1 ? 's' : ''} ${bad.map((s) => `"${s}"`).join(', ')}; known scopes: ${SCOPES.join(', ')}.`);
  return [...new Set(list)] as Scope[];
}

function parseExpiry(raw: string | undefined, now: number): number | null {
  if (raw === undefined) return null;
  try {
    const ms = parseDuration(raw);
    if (ms <= 0) throw new RangeError('it must be longer than zero');
    return now + ms;
  } catch (err) {
    throw new ConfigError(`--expires: "${raw}" is not a duration such as 90d or 12h (${(err as Error).message}).`);
  }
}

function parseTokenArgs(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        config: { type: 'string', short: 'c', default: 'outflow.yaml' },
        tenant: { type: 'string' },
        scopes: { type: 'string' },
        name: { type: 'string' },
        expires: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    });
  } catch (err) {
    // Unknown or malformed options: a one-line message rather than a stack trace.
    throw new ConfigError(`${(err as Error).message}\n\n${TOKENS_USAGE}`);
  }
}

/** Runs `outflow tokens …` (argv after "tokens"); resolves the exit code. */
export async function runTokensCommand(argv: string[], io: CliIo = consoleIo): Promise<number> {
  const { values, positionals } = parseTokenArgs(argv);
  const [sub, ...rest] = positionals;
  if (values.help || !sub) {
    io.out(TOKENS_USAGE);
    return values.help ? 0 : 2;
  }
  if (!['create', 'list', 'revoke'].includes(sub)) {
    io.err(`Unknown tokens command "${sub}".\n\n${TOKENS_USAGE}`);
    return 2;
  }
  const loaded = loadConfigFile(values.config as string);
  const now = io.now();
  // Validate before opening the store, so a typo creates nothing.
  const tenant = values.tenant?.trim();
  if (sub === 'create' && !tenant) throw new ConfigError('--tenant is required: the tenant whose streams and events the token may use.');
  if (values.name !== undefined && (values.name.length === 0 || values.name.length > 128)) throw new ConfigError('--name: must be 1 to 128 characters.');
  const scopes = sub === 'create' ? parseScopes(values.scopes) : [];
  const expiresAt = sub === 'create' ? parseExpiry(values.expires, now) : null;
  if (sub === 'revoke' && !rest[0]) throw new ConfigError('outflow tokens revoke needs the token id, e.g. outflow tokens revoke tok_9c2e41d07a5b13f8.');

  const store = await openConfiguredTokenStore(loaded.config.store, loaded.dir);
  try {
    if (sub === 'create') {
      const token = mintTokenSecret();
      const created = await store.tokens.create({
        id: newTokenId(),
        hash: hashToken(token),
        tenant: tenant as string,
        name: values.name ?? null,
        scopes,
        createdAt: now,
        expiresAt,
      });
      if (values.json) io.out(JSON.stringify({ ...tokenJson(created), token }));
      else {
        io.out(
          `Created API token ${created.id} for tenant "${created.tenant}" (scopes: ${scopes.join(', ')}; ${expiresAt === null ? 'no expiry' : `expires ${new Date(expiresAt).toISOString()}`}).`,
        );
        io.out(`Token (shown only this once; store it now):\n${token}`);
      }
      return 0;
    }
    if (sub === 'list') {
      const tokens = await store.tokens.list(tenant || undefined);
      io.out(values.json ? JSON.stringify(tokens.map(tokenJson), null, 2) : tokenTable(tokens, now));
      return 0;
    }
    const id = rest[0] as string;
    if (!(await store.tokens.revoke(id, now))) {
      const known = (await store.tokens.list()).some((t) => t.id === id);
      io.err(known ? `API token ${id} is already revoked.` : `No API token with id ${id}.`);
      return 1;
    }
    io.out(`Revoked API token ${id}. Running runners refuse it within server.tokenCacheTtl (${loaded.config.server.tokenCacheTtl / 1000}s).`);
    return 0;
  } finally {
    await store.close();
  }
}
