// Checks the fields Outflow reads or the Tenant Log Catalog types definitely; other fields pass through unchanged.
import { isoDateMs } from './iso-date.js';

/** JSON kinds of a field's value; K_MISSING when the field is absent. */
export const K_MISSING = 0;
export const K_STRING = 1;
export const K_NUMBER = 2;
export const K_OBJECT = 3;
export const K_ARRAY = 4;
export const K_TRUE = 5;
export const K_FALSE = 6;
export const K_NULL = 7;
/** A JavaScript value that JSON cannot hold (function, bigint, ...); its name is in `EventView.other`. */
export const K_OTHER = 8;
/** typeof-style names of the kinds (as in messages), by K_*. */
export const KIND_NAMES: readonly string[] = ['undefined', 'string', 'number', 'object', 'array', 'boolean', 'boolean', 'null'];

/** The checked top-level fields, in the order they are checked (type, log_id and date first). */
export const FIELDS = [
  'type',
  'log_id',
  'date',
  'description',
  'client_id',
  'connection',
  'connection_id',
  'client_name',
  'ip',
  'hostname',
  'user_id',
  'user_name',
  'audience',
  'strategy',
  'strategy_type',
  'user_agent',
  'tenant_name',
  'environment_name',
  'details',
  'location_info',
  'security_context',
  'isMobile',
  'is_mobile',
  'data',
] as const;
export const F_TYPE = 0;
export const F_LOG_ID = 1;
export const F_DATE = 2;
export const F_DATA = FIELDS.length - 1;
/** Bit of each K_* kind, and the kinds JSON can hold (K_STRING to K_NULL). */
const bit = (k: number) => 1 << k;
const JSON_KINDS = 0xfe;
/**
 * Accepted kinds of each field after type, log_id and date, by field index: per field, the union
 * of its types over the Tenant Log Catalog's 167 event schemas (details: an object for some codes,
 * untyped for others, so any value). Fields the catalog lacks (location_info, isMobile) keep their
 * Auth0 log API types. null also counts as absent, except for booleans.
 */
const ACCEPT: readonly number[] = FIELDS.map((f) =>
  f === 'details' || f === 'data'
    ? JSON_KINDS
    : f === 'location_info' || f === 'security_context'
      ? bit(K_OBJECT) | bit(K_NULL)
      : f === 'isMobile' || f === 'is_mobile'
        ? bit(K_TRUE) | bit(K_FALSE)
        : bit(K_STRING) | bit(K_NULL),
);
/** What a message says the field expects, by field index. */
const EXPECTED: readonly string[] = FIELDS.map((f, i) =>
  ACCEPT[i] === JSON_KINDS
    ? 'a JSON value'
    : ACCEPT[i]! & bit(K_OBJECT)
      ? 'an object'
      : ACCEPT[i]! & bit(K_TRUE)
        ? 'a boolean'
        : f === 'description' || f === 'client_id'
          ? 'a string or null'
          : 'a string',
);

/** True when field `i` (of FIELDS, after date) accepts a value of K_* kind `k`. */
export function acceptsKind(i: number, k: number): boolean {
  return (ACCEPT[i]! & bit(k)) !== 0;
}

/** Longest accepted log_id, in characters (all printable ASCII). */
export const MAX_LOG_ID = 256;
const MAX_TYPE = 100;

/** What validation needs to know of an event, from a parsed object or from scanned bytes. */
export interface EventView {
  /** K_* kind of each of FIELDS. */
  kinds: Uint8Array;
  /** typeof of K_OTHER values, by field index. */
  other: string[];
  /** String length (UTF-16 units) of `type` when it is a string. */
  typeLength: number;
  /** `log_id` when it is a string. */
  logId: string;
  /** When `date` is a string: its epoch ms, or NaN when it is not an accepted ISO 8601 date-time. */
  dateMs: number;
  /** When `date` is a string and dateMs is NaN: the date text, for the message. */
  dateText: string;
}

export function newEventView(): EventView {
  return { kinds: new Uint8Array(FIELDS.length), other: [], typeLength: 0, logId: '', dateMs: NaN, dateText: '' };
}

function kindName(v: EventView, i: number): string {
  const k = v.kinds[i]!;
  return k === K_OTHER ? (v.other[i] ?? 'unknown') : (KIND_NAMES[k] as string);
}

/** Returns a problem description, or undefined when the event is acceptable. */
export function checkEvent(v: EventView): string | undefined {
  const kinds = v.kinds;
  const type = kinds[F_TYPE];
  if (type !== K_STRING || v.typeLength === 0 || v.typeLength > MAX_TYPE) {
    return type === K_MISSING
      ? 'type: required (the Auth0 event type code, e.g. "s" or "fp")'
      : `type: expected a non-empty string of at most ${MAX_TYPE} characters, got ${kindName(v, F_TYPE)}`;
  }
  const logId = kinds[F_LOG_ID];
  if (logId !== K_MISSING) {
    const got = logId === K_STRING ? logIdFault(v.logId) : kindName(v, F_LOG_ID);
    if (got !== undefined) return logIdMessage(got);
  }
  const date = kinds[F_DATE];
  if (date !== K_MISSING && (date !== K_STRING || Number.isNaN(v.dateMs))) {
    return `date: expected ${DATE_RULE}, got ${date === K_STRING ? JSON.stringify(v.dateText.slice(0, 40)) : kindName(v, F_DATE)}`;
  }
  for (let i = F_DATE + 1; i < F_DATA; i++) {
    const k = kinds[i]!;
    if (k !== K_MISSING && (ACCEPT[i]! & bit(k)) === 0) return `${FIELDS[i]}: expected ${EXPECTED[i]}, got ${kindName(v, i)}`;
  }
  return undefined;
}

const DATE_RULE = 'an ISO 8601 date-time such as "2026-01-15T10:30:00.000Z" (a real calendar date and time)';

/** What is wrong with the log_id string `id` (for a message's "got ..."), or undefined when it is acceptable. */
export function logIdFault(id: string): string | undefined {
  if (id.length === 0) return 'an empty string';
  if (id.length > MAX_LOG_ID) return `${id.length} characters`;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return `U+${(id.codePointAt(i) ?? c).toString(16).toUpperCase().padStart(4, '0')} at character ${i + 1}`;
  }
  return undefined;
}

/** The log_id message (one rule for flat events and envelopes), `got` saying what came. */
export function logIdMessage(got: string): string {
  return `log_id: expected a non-empty string of at most ${MAX_LOG_ID} printable ASCII characters (U+0020 to U+007E), got ${got}`;
}

/** The K_* kind of a JavaScript value. */
export function kindOf(x: unknown): number {
  switch (typeof x) {
    case 'undefined':
      return K_MISSING;
    case 'string':
      return K_STRING;
    case 'number':
      return K_NUMBER;
    case 'boolean':
      return x ? K_TRUE : K_FALSE;
    case 'object':
      return x === null ? K_NULL : Array.isArray(x) ? K_ARRAY : K_OBJECT;
    default:
      return K_OTHER;
  }
}

const objectView = newEventView();

/** Returns a problem description, or undefined when the event is acceptable. */
export function validateEvent(e: Record<string, unknown>): string | undefined {
  const v = objectView;
  for (let i = 0; i < FIELDS.length; i++) {
    const x = e[FIELDS[i]!];
    const k = kindOf(x);
    v.kinds[i] = k;
    if (k === K_OTHER) v.other[i] = typeof x;
  }
  v.typeLength = typeof e.type === 'string' ? e.type.length : 0;
  v.logId = typeof e.log_id === 'string' ? e.log_id : '';
  v.dateText = typeof e.date === 'string' ? e.date : '';
  v.dateMs = typeof e.date === 'string' ? isoDateMs(e.date) : NaN;
  return checkEvent(v);
}

const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

export { kind as jsonKind };
