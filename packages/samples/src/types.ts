// Public types of @outflow/samples: the compact catalog entries and the event generator.
import type { LogEvent } from '@outflow/core';

/**
 * A compact value shape derived from the schema: 's' string, 'n' number, 'b' boolean,
 * 'o' free-form object, 'z' anything (null), `['a', item]` array, `['v', ...values]` one of
 * the values, or an object whose keys end in `?` when optional.
 */
export type Shape = string | readonly unknown[] | { readonly [key: string]: Shape };

/** One type code of the Tenant Log Catalog. */
export interface CatalogEntry {
  /** Description of the event type. */
  d: string;
  /** Common fields the code carries (filled from the generator's pools). */
  f: readonly string[];
  /** Required fields. */
  r: readonly string[];
  /** Shapes of the other fields (`details`, `auth0_client`, `references`, ...). */
  x: Readonly<Record<string, Shape>>;
}

export interface EventGeneratorOptions {
  /** Same seed, same events. */
  seed: number;
  /** Date of the first event (epoch ms); default 2025-06-01T00:00:00Z. */
  start?: number;
  /** Mean time between events in ms (default 40). */
  intervalMs?: number;
  /** Only these type codes, picked evenly (e.g. the codes a stream's filters select); default the usual tenant mix. */
  types?: readonly string[];
}

/** A flat Auth0 log event with the fields every generated event has. */
export type SampleEvent = LogEvent & { log_id: string; date: string; type: string; description: string };

export interface EventGenerator {
  /** The next event; its log_id ends in its index in this generator's sequence. */
  next(): SampleEvent;
  /** How many events were generated so far. */
  readonly count: number;
}
