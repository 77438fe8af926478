// Checks a request's path and query for malformed percent-encoding (400 before routing, auth or static files).
import { HttpError } from './respond.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The first malformed escape in `text`: a `%` without two hex digits, or escapes that are not UTF-8; null when well-formed. */
export function badPercentEncoding(text: string): string | null {
  for (let i = text.indexOf('%'); i !== -1; i = text.indexOf('%', i)) {
    const start = i;
    const bytes: number[] = [];
    while (text[i] === '%') {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return text.slice(start, i + 3);
      bytes.push(parseInt(hex, 16));
      i += 3;
    }
    try {
      utf8.decode(new Uint8Array(bytes));
    } catch {
      return text.slice(start, i);
    }
  }
  return null;
}

/** Throws 400 `malformed_uri` naming the part (path or query string) and the bad escape. */
export function checkRequestTarget(rawUrl: string): void {
  const q = rawUrl.indexOf('?');
  const parts: Array<[string, string]> = [
    ['path', q === -1 ? rawUrl : rawUrl.slice(0, q)],
    ['query string', q === -1 ? '' : rawUrl.slice(q + 1)],
  ];
  for (const [where, text] of parts) {
    const bad = badPercentEncoding(text);
    if (bad !== null) {
      throw new HttpError(400, `The request ${where} has malformed percent-encoding at "${bad}": use %XX escapes of valid UTF-8.`, 'malformed_uri');
    }
  }
}
