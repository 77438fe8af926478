// Sample events for the payload preview, drawn only from the type codes the stream's filters select.
import { CODE_TO_CATEGORY, compileFilter, type StreamFilter } from '@outflow/core';
import { sampleEvents, type SampleEvent } from '@outflow/samples';

/** The type codes a set of filters selects: catalog codes by category, plus codes named by `type` filters. */
export function codesSelectedBy(filters: readonly StreamFilter[]): string[] {
  const filter = compileFilter(filters);
  if (!filter) return [];
  const named = filters.filter((f) => f.type === 'type').map((f) => f.name);
  const known = Object.keys(CODE_TO_CATEGORY).filter((code) => filter.matches(code));
  return [...new Set([...known, ...named])].sort();
}

/** `n` fixed sample events (same seed, same events) that the filters keep; the usual tenant mix without filters. */
export function previewSamples(n: number, seed: number, filters: readonly StreamFilter[] | undefined): SampleEvent[] {
  const types = filters && filters.length > 0 ? codesSelectedBy(filters) : [];
  return sampleEvents(n, seed, types.length > 0 ? { types } : {});
}
