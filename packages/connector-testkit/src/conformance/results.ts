// Shape checks of delivery and health results, and the expected class of each HTTP status.
import { BRANDS, brandOf, type DeliveryErrorKind, type DeliveryResult, type HealthResult } from '@outflow/core';
import type { ExpectedClass } from './options.js';

const KINDS: readonly DeliveryErrorKind[] = ['transient', 'throttled', 'auth', 'invalid', 'config'];

function errorProblems(error: unknown, where: string): string[] {
  if (!(error instanceof Error)) return [`${where} is not an Error`];
  const problems: string[] = [];
  const e = error as Error & { kind?: unknown; details?: unknown };
  if (!KINDS.includes(e.kind as DeliveryErrorKind)) problems.push(`${where}.kind is ${JSON.stringify(e.kind)}`);
  // The platform recognises the brand, not the name: a look-alike would be rewritten to `invalid`.
  if (brandOf(error, BRANDS.deliveryError) !== true)
    problems.push(`${where} is not a DeliveryError made by @outflow/core (it has no brand; name ${JSON.stringify(e.name)})`);
  if (!e.message) problems.push(`${where}.message is empty`);
  if (!e.details || typeof e.details !== 'object') problems.push(`${where}.details is missing`);
  return problems;
}

/** What is wrong with a value that should be a DeliveryResult (empty when it is one). */
export function deliveryResultProblems(value: unknown, batchLength: number): string[] {
  if (!value || typeof value !== 'object') return [`send resolved ${String(value)}, not a DeliveryResult`];
  const r = value as DeliveryResult;
  switch (r.status) {
    case 'success':
      return [];
    case 'retryable': {
      const p = errorProblems(r.error, 'error');
      const wait = r.retryAfterMs;
      if (wait !== undefined && !(Number.isFinite(wait) && wait >= 0)) p.push(`retryAfterMs is ${String(wait)}`);
      return p;
    }
    case 'permanent':
      return errorProblems(r.error, 'error');
    case 'partial': {
      if (!Array.isArray(r.failed) || r.failed.length === 0) return ['partial result without failed items'];
      const p: string[] = [];
      const seen = new Set<number>();
      for (const f of r.failed) {
        if (!Number.isInteger(f.index) || f.index < 0 || f.index >= batchLength) p.push(`failed index ${String(f.index)} is outside the batch`);
        if (seen.has(f.index)) p.push(`failed index ${f.index} is listed twice`);
        seen.add(f.index);
        if (typeof f.retryable !== 'boolean') p.push(`failed[${f.index}].retryable is not a boolean`);
        if (typeof f.reason !== 'string' || !f.reason) p.push(`failed[${f.index}].reason is empty`);
      }
      return p;
    }
    default:
      return [`unknown status ${JSON.stringify((r as { status?: unknown }).status)}`];
  }
}

export function healthResultProblems(value: unknown): string[] {
  if (!value || typeof value !== 'object') return [`healthcheck resolved ${String(value)}, not a HealthResult`];
  const h = value as HealthResult;
  if (h.ok === true) return [];
  if (h.ok === false) return errorProblems(h.error, 'error');
  return ['HealthResult.ok is not a boolean'];
}

export interface StatusRow {
  status: number;
  expected: Exclude<ExpectedClass, 'skip'>;
  /** Error kinds accepted for the default row (any kind when overridden). */
  kinds?: readonly DeliveryErrorKind[];
  tooLargeAllowed?: boolean;
  retryAfterMs?: number;
  headers?: Record<string, string>;
}

/** The default classification table every HTTP connector follows. */
export const DEFAULT_STATUS_TABLE: readonly StatusRow[] = [
  { status: 200, expected: 'success' },
  { status: 202, expected: 'success' },
  { status: 400, expected: 'permanent', kinds: ['invalid'] },
  { status: 422, expected: 'permanent', kinds: ['invalid'] },
  { status: 413, expected: 'permanent', kinds: ['invalid'], tooLargeAllowed: true },
  { status: 401, expected: 'permanent', kinds: ['auth'] },
  { status: 403, expected: 'permanent', kinds: ['auth'] },
  { status: 408, expected: 'retryable' },
  { status: 500, expected: 'retryable' },
  { status: 502, expected: 'retryable' },
  { status: 503, expected: 'retryable' },
  { status: 504, expected: 'retryable' },
  { status: 429, expected: 'retryable', retryAfterMs: 3000, headers: { 'Retry-After': '3' } },
  { status: 501, expected: 'permanent' },
];

/** The table with a connector's overrides applied; `skip` rows are returned as `skip`. */
export function statusTable(overrides: Partial<Record<number, ExpectedClass>>): Array<StatusRow | { status: number; expected: 'skip' }> {
  const known = new Set(DEFAULT_STATUS_TABLE.map((row) => row.status));
  const extra = Object.entries(overrides)
    .filter(([status, o]) => !known.has(Number(status)) && o !== undefined && o !== 'skip')
    .map(([status, o]) => ({ status: Number(status), expected: o as StatusRow['expected'] }));
  const rows = DEFAULT_STATUS_TABLE.map((row) => {
    const o = overrides[row.status];
    if (o === undefined || o === row.expected) return row;
    if (o === 'skip') return { status: row.status, expected: 'skip' as const };
    return { status: row.status, expected: o, ...(row.headers ? { headers: row.headers } : {}) };
  });
  return [...rows, ...extra];
}
