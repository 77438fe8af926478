// Checks the fields Outflow reads or Auth0 types strictly; other fields pass through unchanged.
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

const R_NONE = 0;
const R_STRING_OR_NULL = 1;
const R_STRING = 2;
const R_OBJECT = 3;
const R_BOOLEAN = 4;

/** The checked top-level fields, in the order they are checked (type, log_id and date first). */
export const FIELDS = [
  'type', 'log_id', 'date', 'description', 'client_id',
  'connection', 'connection_id', 'client_name', 'ip', 'hostname', 'user_id', 'user_name', 'audience',
  'strategy', 'strategy_type', 'user_agent', 'tenant_name', 'environment_name',
  'details', 'location_info', 'security_context', 'isMobile', 'is_mobile', 'data',
] as const;
export const F_TYPE = 0;
export const F_LOG_ID = 1;
export const F_DATE = 2;
export const F_DATA = FIELDS.length - 1;
const RULES: readonly number[] = FIELDS.map((f, i) =>
  i < 3 || f === 'data' ? R_NONE
  : i < 5 ? R_STRING_OR_NULL
  : f === 'details' || f === 'location_info' || f === 'security_context' ? R_OBJECT
  : f === 'isMobile' || f === 'is_mobile' ? R_BOOLEAN
  : R_STRING);

const MAX_ID = 256;
const MAX_TYPE = 100;

/** What validation needs to know of an event, from a parsed object or from scanned bytes. */
export interface EventView {
  /** K_* kind of each of FIELDS. */
  kinds: Uint8Array;
  /** typeof of K_OTHER values, by field index. */
  other: string[];
  /** String length (UTF-16 units) of `type` and `log_id` when they are strings. */
  typeLength: number;
  logIdLength: number;
  /** When `date` is a string: its epoch ms, or NaN when it is not an accepted ISO 8601 date-time. */
  dateMs: number;
  /** When `date` is a string and dateMs is NaN: the date text, for the message. */
  dateText: string;
}

export function newEventView(): EventView {
  return { kinds: new Uint8Array(FIELDS.length), other: [], typeLength: 0, logIdLength: 0, dateMs: NaN, dateText: '' };
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
  if (logId !== K_MISSING && (logId !== K_STRING || v.logIdLength === 0 || v.logIdLength > MAX_ID)) {
    return `log_id: expected a non-empty string of at most ${MAX_ID} characters, got ${kindName(v, F_LOG_ID)}`;
  }
  const date = kinds[F_DATE];
  if (date !== K_MISSING && (date !== K_STRING || Number.isNaN(v.dateMs))) {
    return `date: expected an ISO 8601 date-time such as "2026-01-15T10:30:00.000Z", got ${date === K_STRING ? JSON.stringify(v.dateText.slice(0, 40)) : kindName(v, F_DATE)}`;
  }
  for (let i = F_DATE + 1; i < F_DATA; i++) {
    const k = kinds[i]!;
    if (k === K_MISSING) continue;
    const rule = RULES[i];
    if (rule === R_BOOLEAN) {
      if (k !== K_TRUE && k !== K_FALSE) return `${FIELDS[i]}: expected a boolean, got ${kindName(v, i)}`;
    } else if (k !== K_NULL) {
      if (rule === R_OBJECT) {
        if (k !== K_OBJECT) return `${FIELDS[i]}: expected an object, got ${kindName(v, i)}`;
      } else if (k !== K_STRING) {
        return `${FIELDS[i]}: expected a string${rule === R_STRING_OR_NULL ? ' or null' : ''}, got ${kindName(v, i)}`;
      }
    }
  }
  return undefined;
}

/** The K_* kind of a JavaScript value. */
export function kindOf(x: unknown): number {
  switch (typeof x) {
    case 'undefined': return K_MISSING;
    case 'string': return K_STRING;
    case 'number': return K_NUMBER;
    case 'boolean': return x ? K_TRUE : K_FALSE;
    case 'object': return x === null ? K_NULL : Array.isArray(x) ? K_ARRAY : K_OBJECT;
    default: return K_OTHER;
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
  v.logIdLength = typeof e.log_id === 'string' ? e.log_id.length : 0;
  v.dateText = typeof e.date === 'string' ? e.date : '';
  v.dateMs = typeof e.date === 'string' ? isoDateMs(e.date) : NaN;
  return checkEvent(v);
}

const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

export { kind as jsonKind };
