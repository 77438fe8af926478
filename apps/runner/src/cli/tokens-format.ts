// How `outflow tokens` prints tokens: a table for people, JSON for scripts; never the token or its hash.
import type { ApiToken } from '@outflow/core';

const when = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z'));

/** What `tokens list --json` prints per token: the store's public fields with ISO dates. */
export function tokenJson(t: ApiToken): Record<string, unknown> {
  return {
    id: t.id,
    tenant: t.tenant,
    name: t.name,
    scopes: t.scopes,
    createdAt: when(t.createdAt),
    lastUsedAt: t.lastUsedAt === null ? null : when(t.lastUsedAt),
    expiresAt: t.expiresAt === null ? null : when(t.expiresAt),
    revokedAt: t.revokedAt === null ? null : when(t.revokedAt),
  };
}

function status(t: ApiToken, now: number): string {
  if (t.revokedAt !== null) return 'revoked';
  if (t.expiresAt !== null && t.expiresAt <= now) return 'expired';
  return 'active';
}

/** A plain-text table, one token a line. */
export function tokenTable(tokens: readonly ApiToken[], now: number): string {
  if (tokens.length === 0) return 'No API tokens.';
  const head = ['ID', 'TENANT', 'NAME', 'SCOPES', 'CREATED', 'LAST USED', 'EXPIRES', 'STATUS'];
  const rows = tokens.map((t) => [t.id, t.tenant, t.name ?? '-', t.scopes.join(','), when(t.createdAt), when(t.lastUsedAt), when(t.expiresAt), status(t, now)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  return [head, ...rows]
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i] as number))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
