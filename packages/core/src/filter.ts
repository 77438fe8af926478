// Compiles a stream's filters into one predicate over event type codes.
import { categoryOf } from './categories.js';
import type { Category, StreamFilter } from './types.js';

export interface EventFilter {
  /** Canonical text of the filter: streams with equal keys select the same events. */
  readonly key: string;
  matches(type: string): boolean;
}

/** Returns null when the stream takes every event (no filters, as in Auth0). */
export function compileFilter(filters: readonly StreamFilter[] | undefined): EventFilter | null {
  if (!filters || filters.length === 0) return null;
  const categories = new Set<Category>();
  const types = new Set<string>();
  for (const f of filters) {
    if (f.type === 'category') categories.add(f.name);
    else types.add(f.name);
  }
  const key = [...[...categories].sort().map((c) => `c:${c}`), ...[...types].sort().map((t) => `t:${t}`)].join(',');
  const memo = new Map<string, boolean>();
  return {
    key,
    matches(type: string): boolean {
      let hit = memo.get(type);
      if (hit === undefined) {
        hit = types.has(type) || categories.has(categoryOf(type));
        if (memo.size < 4096) memo.set(type, hit);
      }
      return hit;
    },
  };
}
