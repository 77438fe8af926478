// Allocation-free validating JSON scanner (RFC 8259 grammar) over raw UTF-8 bytes.
import {
  describeError,
  MAX_DEPTH,
  E_VALUE,
  E_KEY,
  E_COLON,
  E_OBJECT_NEXT,
  E_ARRAY_NEXT,
  E_UNTERMINATED,
  E_CONTROL,
  E_ESCAPE,
  E_UNICODE,
  E_LEADING_ZERO,
  E_FRACTION,
  E_EXPONENT,
  E_MINUS,
  E_LITERAL,
  E_DEPTH,
} from './scan-errors.js';

export { MAX_DEPTH };

/** Scan state: the last error (code, byte index) and whether the last string held escapes. */
export const scan = { code: 0, at: 0, escapes: false };

/** 1 for hexadecimal digit bytes. */
const HEX = new Uint8Array(256);
for (const c of '0123456789abcdefABCDEF') HEX[c.charCodeAt(0)] = 1;
/** 1 for the bytes allowed after a backslash, other than u. */
const ESCAPE = new Uint8Array(256);
for (const c of '"\\/bfnrt') ESCAPE[c.charCodeAt(0)] = 1;

/** Open containers of scanValue: their opening byte. */
const stack = new Uint8Array(MAX_DEPTH + 2);

export function fail(code: number, at: number): number {
  scan.code = code;
  scan.at = at;
  return -1;
}

/** "what at column N" for the last error, columns counted in bytes from `lineStart`. */
export function errorText(b: Uint8Array, lineStart: number, end: number): string {
  return `${describeError(b, scan.code, scan.at, end)} at column ${scan.at - lineStart + 1}`;
}

export function skipWs(b: Uint8Array, pos: number, end: number): number {
  for (; pos < end; pos++) {
    const c = b[pos]!;
    if (c > 0x20 || (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09)) break;
  }
  return pos;
}

/** String bytes by what they mean inside a string: 0 content, 1 quote, 2 backslash, 3 control character. */
const STRING_BYTE = new Uint8Array(256);
STRING_BYTE[0x22] = 1;
STRING_BYTE[0x5c] = 2;
STRING_BYTE.fill(3, 0, 0x20);

/** Checks the escape whose backslash is at `i` in the string opened at `pos`; returns the index after it, or -1. */
function escape(b: Uint8Array, i: number, end: number, pos: number): number {
  if (i + 1 >= end) return fail(E_UNTERMINATED, pos);
  const e = b[i + 1]!;
  if (ESCAPE[e] === 1) return i + 2;
  if (e !== 0x75) return fail(E_ESCAPE, i);
  if (i + 6 > end || HEX[b[i + 2]!]! + HEX[b[i + 3]!]! + HEX[b[i + 4]!]! + HEX[b[i + 5]!]! !== 4) return fail(E_UNICODE, i);
  return i + 6;
}

/**
 * Scans the string whose opening quote is at `pos`; returns the index after its closing quote, or -1.
 * The content loop may look past `end` (reads past the array give undefined and stop it): whatever it
 * finds there is reported as an unterminated string.
 */
export function scanString(b: Uint8Array, pos: number, end: number): number {
  let i = pos + 1;
  let escapes = false;
  for (;;) {
    // Unrolled: most strings are short runs of content bytes.
    for (;;) {
      if (STRING_BYTE[b[i]!] !== 0) break;
      if (STRING_BYTE[b[i + 1]!] !== 0) {
        i += 1;
        break;
      }
      if (STRING_BYTE[b[i + 2]!] !== 0) {
        i += 2;
        break;
      }
      if (STRING_BYTE[b[i + 3]!] !== 0) {
        i += 3;
        break;
      }
      i += 4;
    }
    if (i >= end) return fail(E_UNTERMINATED, pos);
    const t = STRING_BYTE[b[i]!];
    if (t === 1) break;
    if (t === 3) return fail(E_CONTROL, i);
    escapes = true;
    i = escape(b, i, end, pos);
    if (i < 0) return -1;
  }
  scan.escapes = escapes;
  return i + 1;
}

/** Scans -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? at `pos`; returns the index after it, or -1. */
function scanNumber(b: Uint8Array, pos: number, end: number): number {
  let i = pos;
  if (i < end && b[i] === 0x2d) i++;
  let c = i < end ? b[i]! : -1;
  if (c === 0x30) {
    i++;
    c = i < end ? b[i]! : -1;
    if (c >= 0x30 && c <= 0x39) return fail(E_LEADING_ZERO, i - 1);
  } else if (c >= 0x31 && c <= 0x39) {
    do c = ++i < end ? b[i]! : -1;
    while (c >= 0x30 && c <= 0x39);
  } else return fail(i === pos ? E_VALUE : E_MINUS, i);
  if (c === 0x2e) {
    c = ++i < end ? b[i]! : -1;
    if (!(c >= 0x30 && c <= 0x39)) return fail(E_FRACTION, i);
    do c = ++i < end ? b[i]! : -1;
    while (c >= 0x30 && c <= 0x39);
  }
  if (c === 0x65 || c === 0x45) {
    c = ++i < end ? b[i]! : -1;
    if (c === 0x2b || c === 0x2d) c = ++i < end ? b[i]! : -1;
    if (!(c >= 0x30 && c <= 0x39)) return fail(E_EXPONENT, i);
    do c = ++i < end ? b[i]! : -1;
    while (c >= 0x30 && c <= 0x39);
  }
  return i;
}

function literal(b: Uint8Array, pos: number, end: number, c1: number, c2: number, c3: number, c4: number): number {
  const n = c4 < 0 ? 3 : 4;
  if (pos + n + 1 > end || b[pos + 1] !== c1 || b[pos + 2] !== c2 || b[pos + 3] !== c3 || (n === 4 && b[pos + 4] !== c4)) return fail(E_LITERAL, pos);
  return pos + n + 1;
}

/**
 * Scans one value starting exactly at `pos` (no whitespace before it), nested `depth` levels deep
 * already; returns the index after the value, or -1 with `scan` describing the error.
 */
export function scanValue(b: Uint8Array, pos: number, end: number, depth: number): number {
  const base = depth;
  for (;;) {
    // A value starts at pos.
    const c = pos < end ? b[pos]! : -1;
    if (c === 0x22) pos = scanString(b, pos, end);
    else if (c === 0x7b || c === 0x5b) {
      if (depth >= MAX_DEPTH) return fail(E_DEPTH, pos);
      pos = skipWs(b, pos + 1, end);
      // '{' + 2 is '}', '[' + 2 is ']'.
      if (pos < end && b[pos] === c + 2) pos++;
      else {
        stack[++depth] = c;
        if (c === 0x7b && (pos = key(b, pos, end)) < 0) return -1;
        continue;
      }
    } else if (c === 0x74) pos = literal(b, pos, end, 0x72, 0x75, 0x65, -1);
    else if (c === 0x66) pos = literal(b, pos, end, 0x61, 0x6c, 0x73, 0x65);
    else if (c === 0x6e) pos = literal(b, pos, end, 0x75, 0x6c, 0x6c, -1);
    else pos = scanNumber(b, pos, end);
    if (pos < 0) return -1;
    // A value ended at pos: close containers until one continues.
    for (;;) {
      if (depth === base) return pos;
      let d = pos < end ? b[pos]! : -1;
      if (d <= 0x20) {
        pos = skipWs(b, pos, end);
        d = pos < end ? b[pos]! : -1;
      }
      const open = stack[depth]!;
      if (d === 0x2c) {
        pos = skipWs(b, pos + 1, end);
        if (open === 0x7b && (pos = key(b, pos, end)) < 0) return -1;
        break;
      }
      if (d !== open + 2) return fail(open === 0x7b ? E_OBJECT_NEXT : E_ARRAY_NEXT, pos);
      pos++;
      depth--;
    }
  }
}

/** Scans `"key" :` at `pos` and the whitespace after; returns where the member's value starts, or -1. */
function key(b: Uint8Array, pos: number, end: number): number {
  if (pos >= end || b[pos] !== 0x22) return fail(E_KEY, pos);
  pos = scanString(b, pos, end);
  if (pos < 0) return -1;
  if (pos < end && b[pos] === 0x3a) return skipWs(b, pos + 1, end);
  pos = skipWs(b, pos, end);
  if (pos >= end || b[pos] !== 0x3a) return fail(E_COLON, pos);
  return skipWs(b, pos + 1, end);
}
