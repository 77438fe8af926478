// Config values that end up in HTTP headers: refused at validation when Node's http would refuse to send them.
import { z } from 'zod';
import { secretOf } from './secrets.js';

/** RFC 9110 token characters: what Node's `http.validateHeaderName` accepts. */
export const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** What Node's `http.validateHeaderValue` accepts: tab, printable ASCII and Latin-1 (no CR, LF, NUL, DEL or code points above U+00FF). */
export const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

const NAMED: Record<number, string> = { 0x0d: 'a carriage return (CR)', 0x0a: 'a line feed (LF)', 0x00: 'a NUL character' };

/** Why a header value cannot be sent, without quoting it (it may be a secret), or undefined when it can. */
export function headerValueProblem(value: string): string | undefined {
  const at = value.search(/[^\t\x20-\x7e\x80-\xff]/);
  if (at < 0) return undefined;
  const code = value.codePointAt(at) as number;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const what = NAMED[code] ?? (code < 0x20 || code === 0x7f ? `the control character ${hex}` : `the character ${hex}, which is outside Latin-1`);
  return `must not contain ${what} (character ${at + 1}); HTTP header values allow only tabs, printable ASCII and Latin-1 characters`;
}

/** Why a header name cannot be sent, or undefined when it can. */
export function headerNameProblem(name: string): string | undefined {
  return HEADER_NAME.test(name) ? undefined : "must be an HTTP header name (letters, digits and !#$%&'*+-.^_`|~)";
}

const check = (problem: (v: string) => string | undefined) => (value: string, ctx: z.core.$RefinementCtx<string>) => {
  const message = problem(value);
  if (message) ctx.addIssue({ code: 'custom', message });
};

/** A string sent in an HTTP header value. */
export function headerValue() {
  return z.string().superRefine(check(headerValueProblem));
}

/** An HTTP header name (a token). */
export function headerName() {
  return z.string().superRefine(check(headerNameProblem));
}

/** A secret sent in an HTTP header value (an API key, a token, an Authorization value). */
export function secretHeaderValue(description?: string) {
  return secretOf(headerValue(), description);
}
