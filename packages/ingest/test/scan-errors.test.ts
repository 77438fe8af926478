// Messages and byte columns of invalid JSON, per NDJSON line and per JSON body.
import { createLogIdGenerator } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { parseBody } from '../src/index.js';

const opts = () => ({ tenant: 't', now: 0, ids: createLogIdGenerator('000000000007') });

/** The issue message parseBody gives for `line` as the second line of an NDJSON body. */
function lineError(line: string): string | undefined {
  const out = parseBody(Buffer.from(`{"type":"s"}\n${line}`), 'ndjson', opts());
  return out.ok ? undefined : out.issues[0]?.message;
}

describe('invalid JSON messages', () => {
  it.each([
    ['{"type":"s",}', "expected a double-quoted object key, found '}' (a trailing comma?) at column 13"],
    ['{"a":[1,]}', "expected a value, found ']' (a trailing comma?) at column 9"],
    ['not json', 'invalid literal: expected true, false or null at column 1'],
    ['{"a":tru}', 'invalid literal: expected true, false or null at column 6'],
    ['{"a":01}', 'invalid number: leading zeros are not allowed at column 6'],
    ['{"a":-01}', 'invalid number: leading zeros are not allowed at column 7'],
    ['{"a":1.}', "invalid number: expected a digit after '.' at column 8"],
    ['{"a":-}', "invalid number: expected a digit after '-' at column 7"],
    ['{"a":1e+}', 'invalid number: expected a digit in the exponent at column 9'],
    ['{"a":.5}', "expected a value, found '.' at column 6"],
    ['{"a":+1}', "expected a value, found '+' at column 6"],
    ['{"a":NaN}', "expected a value, found 'N' at column 6"],
    ['{"a":-Infinity}', "invalid number: expected a digit after '-' at column 7"],
    ['{"a":"x\\qy"}', "invalid escape '\\q' in a string (allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX) at column 8"],
    ['{"a":"\\u12G4"}', 'invalid \\u escape in a string: expected 4 hexadecimal digits at column 7'],
    ['{"a":"x\ty"}', 'control character U+0009 inside a string (escape it, e.g. \\n, \\t or \\u0001) at column 8'],
    ['{"a":"abc', "unterminated string (no closing '\"') at column 6"],
    ['{"type":"s"} x', "unexpected 'x' after the JSON value at column 14"],
    ['{"type":"s"}é', "unexpected 'é' (U+00E9) after the JSON value at column 13"],
    ['{"type":"s"}\u0000', 'unexpected control character U+0000 after the JSON value at column 13'],
    ['{"a" 1}', "expected ':' after an object key, found '1' at column 6"],
    ['[1 2]', "expected ',' or ']' after an array element, found '2' at column 4"],
    ['{"a":1 "b":2}', "expected ',' or '}' after an object member, found '\"' at column 8"],
    ['{"a":1', "expected ',' or '}' after an object member, found the end of the input at column 7"],
    ["{'a':1}", 'expected a double-quoted object key, found "\'" at column 2'],
    ['{a:1}', "expected a double-quoted object key, found 'a' at column 2"],
    ['{"é✓":1,}', "expected a double-quoted object key, found '}' (a trailing comma?) at column 12"],
    ['{"a":😀}', "expected a value, found '😀' (U+1F600) at column 6"],
    [`{"a":${'['.repeat(130)}${']'.repeat(130)}}`, 'nesting deeper than 128 levels of objects and arrays at column 133'],
  ])('%s', (line, message) => {
    expect(lineError(line)).toBe(`invalid JSON: ${message}`);
  });

  it('counts columns in bytes from the start of the line, leading whitespace included', () => {
    expect(lineError('   {"a":x}')).toBe("invalid JSON: expected a value, found 'x' at column 9");
    expect(lineError('\t{"ü":"✓",x}')).toBe("invalid JSON: expected a double-quoted object key, found 'x' at column 14");
  });

  it('names the line and column of a syntax error in a JSON body', () => {
    const out = parseBody(Buffer.from('[\n  {"type": "s"},\n  {"type": "s",}\n]'), 'json', opts());
    expect(out).toMatchObject({
      ok: false,
      issues: [],
      message: "The body is not valid JSON: expected a double-quoted object key, found '}' (a trailing comma?) at line 3, column 16",
    });
    const one = parseBody(Buffer.from('[{"type":"s"}] ]'), 'json', opts());
    expect(one).toMatchObject({ ok: false, message: "The body is not valid JSON: unexpected ']' after the JSON value at column 16" });
    expect(parseBody(Buffer.from(''), 'json', opts())).toMatchObject({
      ok: false,
      message: 'The body is not valid JSON: expected a value, found the end of the input at column 1',
    });
  });
});
