// Shapes an Auth0 event into Mixpanel properties within the Import API's limits: flattened, truncated, capped.
import type { PropertyValue } from './types.js';

/** Mixpanel keeps at most 255 bytes of a string (and of a property name). */
export const MAX_STRING_BYTES = 255;
/** "Each event must have fewer than 255 properties." */
export const MAX_PROPERTIES = 254;
/** "All array properties must have fewer than 255 elements." */
export const MAX_LIST_ITEMS = 254;
/** A list property may hold 8 KB; 2 KB keeps any event under 1 MB (254 × (name + list)) by construction. */
export const MAX_LIST_BYTES = 2048;
/** Set when properties had to be dropped: how many. */
export const DROPPED_PROPERTY = 'outflow_dropped_properties';

type Scalar = string | number | boolean | null;

const isScalar = (v: unknown): v is Scalar => v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** The longest prefix of `text` of at most `max` UTF-8 bytes that does not split a character. */
export function truncateBytes(text: string, max = MAX_STRING_BYTES): string {
  if (text.length * 3 <= max || Buffer.byteLength(text) <= max) return text;
  const bytes = Buffer.from(text).subarray(0, max);
  let end = bytes.length;
  // Step back over a cut multi-byte sequence: continuation bytes are 10xxxxxx.
  let start = end - 1;
  while (start > 0 && (bytes[start]! & 0xc0) === 0x80) start--;
  const lead = bytes[start]!;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  if (end - start < need) end = start;
  return bytes.subarray(0, end).toString('utf8');
}

const scalarOf = (v: Scalar): Scalar => (typeof v === 'string' ? truncateBytes(v) : typeof v === 'number' && !Number.isFinite(v) ? null : v);

/** A list of scalars: at most 254 items and 2 KB of JSON, strings truncated; items that do not fit are left out. */
function listOf(items: readonly Scalar[]): Scalar[] {
  const out: Scalar[] = [];
  let bytes = 2;
  for (const item of items) {
    if (out.length >= MAX_LIST_ITEMS) break;
    const v = scalarOf(item);
    const size = Buffer.byteLength(JSON.stringify(v)) + (out.length ? 1 : 0);
    if (bytes + size > MAX_LIST_BYTES) break;
    out.push(v);
    bytes += size;
  }
  return out;
}

/**
 * Mixpanel properties of an event: `reserved` first (time, distinct_id, $insert_id…; always kept),
 * then each field of `data` in order. Objects are flattened to `name.key` (Mixpanel recommends flat
 * properties; its objects allow depth 3 only and get no Lexicon support), lists of scalars stay lists,
 * lists holding objects or lists become their JSON text, strings and names are cut to 255 bytes.
 * Fields named like a reserved property are left out. Past 253 properties the rest are dropped and
 * counted in `outflow_dropped_properties`.
 */
export function shapeProperties(reserved: Record<string, PropertyValue>, data: Record<string, unknown>): Record<string, PropertyValue> {
  const values: Record<string, PropertyValue> = { ...reserved };
  let count = Object.keys(values).length;
  let dropped = 0;
  const set = (name: string, value: PropertyValue): void => {
    const key = truncateBytes(name);
    if (Object.hasOwn(values, key)) return;
    if (count >= MAX_PROPERTIES - 1) return void dropped++;
    values[key] = value;
    count++;
  };
  const add = (name: string, value: unknown): void => {
    if (value === undefined) return;
    if (isScalar(value)) return set(name, scalarOf(value));
    if (Array.isArray(value)) return set(name, value.every(isScalar) ? listOf(value) : truncateBytes(JSON.stringify(value)));
    if (typeof value === 'object') for (const [key, inner] of Object.entries(value as Record<string, unknown>)) add(`${name}.${key}`, inner);
  };
  for (const [key, value] of Object.entries(data)) add(key, value);
  if (dropped > 0) values[DROPPED_PROPERTY] = dropped;
  return values;
}
