import { validateHeaderName, validateHeaderValue } from 'node:http';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { headerName, headerValue, headerValueProblem, secretHeaderValue, secretPaths } from '../src/index.js';

const nodeAccepts = (value: string) => {
  try {
    validateHeaderValue('x-test', value);
    return true;
  } catch {
    return false;
  }
};

describe('headerValue', () => {
  it('accepts exactly what Node http sends, for every code point up to U+0100 and a few beyond', () => {
    const samples = [...Array.from({ length: 0x101 }, (_, c) => String.fromCodePoint(c)), '€', '😀', '\u2028'];
    for (const c of samples) expect(headerValueProblem(`a${c}b`) === undefined, `U+${c.codePointAt(0)?.toString(16)}`).toBe(nodeAccepts(`a${c}b`));
  });

  it('names what is wrong and where, without quoting the value', () => {
    expect(headerValueProblem('Bearer x\r\nX-Evil: 1')).toMatch(/^must not contain a carriage return \(CR\) \(character 9\)/);
    expect(headerValueProblem('ab\ncd')).toMatch(/a line feed \(LF\) \(character 3\)/);
    expect(headerValueProblem('a\0')).toMatch(/a NUL character/);
    expect(headerValueProblem('a\x7f')).toMatch(/the control character U\+007F/);
    expect(headerValueProblem('price 5€')).toMatch(/the character U\+20AC, which is outside Latin-1/);
    expect(headerValueProblem('café')).toBeUndefined();
    const result = z.object({ v: headerValue() }).safeParse({ v: 'x\ny' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['v']);
  });

  it('refuses header names that are not tokens, as Node does', () => {
    for (const name of ['X-Foo', 'x_y', "a!#$%&'*+-.^_`|~"]) {
      expect(headerName().safeParse(name).success).toBe(true);
      expect(() => validateHeaderName(name)).not.toThrow();
    }
    for (const name of ['X Foo', 'X:Foo', 'X-Föo', '', 'a\r\n']) {
      expect(headerName().safeParse(name).success, JSON.stringify(name)).toBe(false);
      expect(() => validateHeaderName(name)).toThrow();
    }
  });

  it('has a secret variant that checks the value, hides it and is marked secret', () => {
    const schema = z.object({ token: secretHeaderValue('API token.') });
    expect(secretPaths(schema)).toEqual(['token']);
    const bad = schema.safeParse({ token: 'abc\u20ac-s3cret' });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).not.toContain('s3cret');
    expect(schema.safeParse({ token: '' }).error?.issues[0]?.message).toBe('must not be empty');
    const good = schema.parse({ token: 'abc-s3cret' });
    expect(JSON.stringify(good)).not.toContain('s3cret');
    expect(good.token.reveal()).toBe('abc-s3cret');
  });
});
