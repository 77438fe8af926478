// Words for the JSON scanner's error codes, naming the offending character the way users typed it.

/** Deepest accepted nesting of objects and arrays. */
export const MAX_DEPTH = 128;

/** Error codes, set in `scan.code` when a scan returns -1. */
export const E_VALUE = 1;
export const E_KEY = 2;
export const E_COLON = 3;
export const E_OBJECT_NEXT = 4;
export const E_ARRAY_NEXT = 5;
export const E_AFTER = 6;
export const E_UNTERMINATED = 7;
export const E_CONTROL = 8;
export const E_ESCAPE = 9;
export const E_UNICODE = 10;
export const E_LEADING_ZERO = 11;
export const E_FRACTION = 12;
export const E_EXPONENT = 13;
export const E_MINUS = 14;
export const E_LITERAL = 15;
export const E_DEPTH = 16;

/** Describes the character at b[at] (a whole UTF-8 sequence), or the end of the input. */
export function describeChar(b: Uint8Array, at: number, end: number): string {
  if (at >= end) return 'the end of the input';
  const c = b[at]!;
  if (c < 0x20 || c === 0x7f) return `control character U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  if (c === 0x27) return `"'"`;
  if (c < 0x80) return `'${String.fromCharCode(c)}'`;
  const len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
  const ch = Buffer.from(b.buffer, b.byteOffset + at, Math.min(len, end - at)).toString('utf8');
  const cp = ch.codePointAt(0) ?? 0xfffd;
  return `'${ch}' (U+${cp.toString(16).toUpperCase().padStart(4, '0')})`;
}

function escapeText(b: Uint8Array, at: number, end: number): string {
  return `\\${at + 1 < end ? describeChar(b, at + 1, end).replace(/^'(.*)'.*$/u, '$1') : ''}`;
}

const MESSAGES: Readonly<Record<number, (b: Uint8Array, at: number, end: number) => string>> = {
  [E_VALUE]: (b, at, end) => `expected a value, found ${describeChar(b, at, end)}${b[at] === 0x5d && at < end ? ' (a trailing comma?)' : ''}`,
  [E_KEY]: (b, at, end) => `expected a double-quoted object key, found ${describeChar(b, at, end)}${b[at] === 0x7d && at < end ? ' (a trailing comma?)' : ''}`,
  [E_COLON]: (b, at, end) => `expected ':' after an object key, found ${describeChar(b, at, end)}`,
  [E_OBJECT_NEXT]: (b, at, end) => `expected ',' or '}' after an object member, found ${describeChar(b, at, end)}`,
  [E_ARRAY_NEXT]: (b, at, end) => `expected ',' or ']' after an array element, found ${describeChar(b, at, end)}`,
  [E_AFTER]: (b, at, end) => `unexpected ${describeChar(b, at, end)} after the JSON value`,
  [E_UNTERMINATED]: () => "unterminated string (no closing '\"')",
  [E_CONTROL]: (b, at, end) => `${describeChar(b, at, end)} inside a string (escape it, e.g. \\n, \\t or \\u0001)`,
  [E_ESCAPE]: (b, at, end) => `invalid escape '${escapeText(b, at, end)}' in a string (allowed: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)`,
  [E_UNICODE]: () => 'invalid \\u escape in a string: expected 4 hexadecimal digits',
  [E_LEADING_ZERO]: () => 'invalid number: leading zeros are not allowed',
  [E_FRACTION]: () => "invalid number: expected a digit after '.'",
  [E_EXPONENT]: () => 'invalid number: expected a digit in the exponent',
  [E_MINUS]: () => "invalid number: expected a digit after '-'",
  [E_LITERAL]: () => 'invalid literal: expected true, false or null',
  [E_DEPTH]: () => `nesting deeper than ${MAX_DEPTH} levels of objects and arrays`,
};

/** The message (without the position) for an error `code` found at b[at]. */
export function describeError(b: Uint8Array, code: number, at: number, end: number): string {
  const message = MESSAGES[code];
  return message ? message(b, at, end) : 'invalid JSON';
}
