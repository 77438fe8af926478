// Scans one event's bytes: proves they hold exactly one JSON value and finds its checked top-level fields.
import { E_AFTER, E_COLON, E_DEPTH, E_KEY, E_OBJECT_NEXT, MAX_DEPTH } from './scan-errors.js';
import { fail, scan, scanString, scanValue, skipWs } from './scan-json.js';
import { FIELDS, K_ARRAY, K_FALSE, K_MISSING, K_NULL, K_NUMBER, K_OBJECT, K_STRING, K_TRUE } from './validate-event.js';

/** scanEvent results (besides -1, an error described by `scan`). */
export const EV_OBJECT = 0;
export const EV_OTHER = 1;

/** Where the checked fields of the last scanned object are; reused from event to event. */
export interface ScannedEvent {
  /** K_* kind of each of FIELDS (the last occurrence of a duplicated key wins). */
  kinds: Uint8Array;
  /** Byte range of each found field's value; for strings, quotes included. */
  starts: Int32Array;
  ends: Int32Array;
  /** 1 when a found string value holds backslash escapes. */
  escaped: Uint8Array;
  /** Index of the top-level value's first byte (its `{` for an object). */
  open: number;
  /** K_* kind of the top-level value. */
  topKind: number;
  /** The input last scanned and a DataView of it (for reading keys 4 bytes at a time). */
  input: Uint8Array | null;
  words: DataView;
}

export function newScannedEvent(): ScannedEvent {
  const n = FIELDS.length;
  return {
    kinds: new Uint8Array(n),
    starts: new Int32Array(n),
    ends: new Int32Array(n),
    escaped: new Uint8Array(n),
    open: 0,
    topKind: K_MISSING,
    input: null,
    words: new DataView(new ArrayBuffer(0)),
  };
}

/** K_* kind of a value by its first byte. */
const KIND_OF_BYTE = new Uint8Array(256).fill(K_NUMBER);
KIND_OF_BYTE[0x22] = K_STRING;
KIND_OF_BYTE[0x7b] = K_OBJECT;
KIND_OF_BYTE[0x5b] = K_ARRAY;
KIND_OF_BYTE[0x74] = K_TRUE;
KIND_OF_BYTE[0x66] = K_FALSE;
KIND_OF_BYTE[0x6e] = K_NULL;

const MAX_NAME = Math.max(...FIELDS.map((f) => f.length));
const FIELD_INDEX = new Map<string, number>(FIELDS.map((f, i) => [f, i]));
/** The field names' bytes, one after another, and where each starts. */
const NAME_BYTES = new Uint8Array(Buffer.from(FIELDS.join(''), 'latin1'));
const NAME_LENGTH = new Uint8Array(FIELDS.map((f) => f.length));
const NAME_START = new Int32Array(FIELDS.length);
for (let i = 1; i < FIELDS.length; i++) NAME_START[i] = NAME_START[i - 1]! + FIELDS[i - 1]!.length;

/** A hash of a key by its length, first and last byte: no two field names share a slot. */
const SLOTS = 256;
const hashOf = (len: number, first: number, last: number, m: number) => (len * m + first * 3 + last) & (SLOTS - 1);
const MULT = ((): number => {
  for (let m = 1; m < 64; m++) {
    const seen = new Set(FIELDS.map((f) => hashOf(f.length, f.charCodeAt(0), f.charCodeAt(f.length - 1), m)));
    if (seen.size === FIELDS.length) return m;
  }
  throw new Error('no collision-free field hash');
})();
/** Field index + 1 by hash slot (0: no field). */
const SLOT_FIELD = new Uint8Array(SLOTS);
FIELDS.forEach((f, i) => (SLOT_FIELD[hashOf(f.length, f.charCodeAt(0), f.charCodeAt(f.length - 1), MULT)] = i + 1));

/** Each name's first 4, next 4, 8th-last to 5th-last and last 4 bytes as little-endian words (names of 4-16 bytes). */
const NAME_WORDS = new Int32Array(FIELDS.length * 4);
FIELDS.forEach((f, i) => {
  const name = Buffer.from(f, 'latin1');
  const len = name.length;
  if (len < 4) return;
  NAME_WORDS.set([name.readInt32LE(0), name.readInt32LE(Math.min(4, len - 4)), name.readInt32LE(Math.max(0, len - 8)), name.readInt32LE(len - 4)], i * 4);
});
if (MAX_NAME > 16) throw new Error('field names longer than 16 bytes need more words');

/** Index in FIELDS of the key whose unescaped bytes are b[s, e) (`dv` views b), or -1. */
function fieldAt(b: Uint8Array, dv: DataView, s: number, e: number): number {
  const len = e - s;
  if (len === 0) return -1;
  const id = SLOT_FIELD[(len * MULT + b[s]! * 3 + b[e - 1]!) & (SLOTS - 1)]! - 1;
  if (id < 0 || NAME_LENGTH[id] !== len) return -1;
  if (len < 4) {
    const ns = NAME_START[id]! - s;
    for (let k = s; k < e; k++) if (b[k] !== NAME_BYTES[ns + k]) return -1;
    return id;
  }
  // Two words cover 4-8 bytes, four cover 9-16.
  const w = id * 4;
  if (dv.getInt32(s, true) !== NAME_WORDS[w] || dv.getInt32(e - 4, true) !== NAME_WORDS[w + 3]) return -1;
  if (len > 8 && (dv.getInt32(s + 4, true) !== NAME_WORDS[w + 1] || dv.getInt32(e - 8, true) !== NAME_WORDS[w + 2])) return -1;
  return id;
}

/** Index in FIELDS of the escaped key token b[qs, qe) (quotes included), or -1. */
function escapedFieldAt(b: Uint8Array, qs: number, qe: number): number {
  const key = JSON.parse(Buffer.from(b.buffer, b.byteOffset + qs, qe - qs).toString('utf8')) as string;
  return FIELD_INDEX.get(key) ?? -1;
}

/**
 * Scans b[start, end): one JSON value with optional whitespace around it. Returns EV_OBJECT (fields
 * in `ev`), EV_OTHER (a valid non-object, kind in ev.topKind) or -1 (error in `scan`).
 */
export function scanEvent(b: Uint8Array, start: number, end: number, ev: ScannedEvent): number {
  const after = scanItem(b, skipWs(b, start, end), end, ev, 0);
  if (after < 0) return -1;
  const rest = skipWs(b, after, end);
  if (rest < end) return fail(E_AFTER, rest);
  return ev.topKind === K_OBJECT ? EV_OBJECT : EV_OTHER;
}

/**
 * Scans the value starting at b[pos], inside `depth` open containers: an object's fields go to
 * `ev`, any value's kind to ev.topKind. Returns the index after the value, or -1.
 */
export function scanItem(b: Uint8Array, pos: number, end: number, ev: ScannedEvent, depth: number): number {
  ev.open = pos;
  if (pos < end && b[pos] === 0x7b) {
    ev.topKind = K_OBJECT;
    return scanObject(b, pos, end, ev, depth + 1);
  }
  ev.topKind = pos < end ? KIND_OF_BYTE[b[pos]!]! : K_MISSING;
  return scanValue(b, pos, end, depth);
}

/** Scans the object whose `{` is at `pos`, itself `depth` levels deep; returns the index after its `}`, or -1. */
function scanObject(b: Uint8Array, pos: number, end: number, ev: ScannedEvent, depth: number): number {
  if (depth > MAX_DEPTH) return fail(E_DEPTH, pos);
  if (ev.input !== b) {
    ev.input = b;
    ev.words = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }
  const dv = ev.words;
  const { kinds, starts, ends, escaped: escapes } = ev;
  for (let i = 0; i < kinds.length; i++) kinds[i] = K_MISSING;
  pos = skipWs(b, pos + 1, end);
  if (pos < end && b[pos] === 0x7d) return pos + 1;
  for (;;) {
    if (pos >= end || b[pos] !== 0x22) return fail(E_KEY, pos);
    const ks = pos;
    pos = scanString(b, pos, end);
    if (pos < 0) return -1;
    const id = scan.escapes ? escapedFieldAt(b, ks, pos) : fieldAt(b, dv, ks + 1, pos - 1);
    pos = skipWs(b, pos, end);
    if (pos >= end || b[pos] !== 0x3a) return fail(E_COLON, pos);
    pos = skipWs(b, pos + 1, end);
    const vs = pos;
    const c = vs < end ? b[vs]! : -1;
    let escaped = 0;
    if (c === 0x22) {
      pos = scanString(b, pos, end);
      if (scan.escapes) escaped = 1;
    } else pos = scanValue(b, pos, end, depth);
    if (pos < 0) return -1;
    if (id >= 0) {
      kinds[id] = KIND_OF_BYTE[c]!; // c is a value's first byte here
      starts[id] = vs;
      ends[id] = pos;
      escapes[id] = escaped;
    }
    pos = skipWs(b, pos, end);
    const d = pos < end ? b[pos] : -1;
    if (d === 0x2c) pos = skipWs(b, pos + 1, end);
    else if (d === 0x7d) return pos + 1;
    else return fail(E_OBJECT_NEXT, pos);
  }
}
