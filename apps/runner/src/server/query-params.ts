// Query-string and time helpers shared by the stream operation routes.
import { HttpError } from './respond.js';

/** An epoch-ms time as an ISO date; no time stays null. */
export function iso(ms: number): string;
export function iso(ms: number | null | undefined): string | null;
export function iso(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : new Date(ms).toISOString();
}

/** An integer query parameter in [min, max] (larger values are clamped to max); 400 naming it otherwise. */
export function intParam(url: URL, name: string, fallback: number, max: number, min = 0): number {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(n) || n < min) {
    throw new HttpError(400, `Query parameter ${name} must be an integer of at least ${min}.`, 'invalid_query_string');
  }
  return Math.min(n, max);
}
