// Decodes scanned JSON string tokens to JavaScript strings, cheaply for the common plain ones.

const CACHE_SLOTS = 64;
const cacheKeys: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(CACHE_SLOTS).fill(undefined);
const cacheValues: string[] = new Array<string>(CACHE_SLOTS).fill('');

/**
 * The string of the token b[qs, qe) (quotes included) that the scanner found valid; `escaped` says
 * whether it holds backslash escapes.
 */
export function decodeString(b: Buffer, qs: number, qe: number, escaped: boolean): string {
  if (escaped) return JSON.parse(b.toString('utf8', qs, qe)) as string;
  return b.toString('utf8', qs + 1, qe - 1);
}

/**
 * decodeString for short, often repeated values (event types): the same bytes give the same
 * string object from a small cache, without decoding.
 */
export function decodeCached(b: Buffer, qs: number, qe: number, escaped: boolean): string {
  const len = qe - qs - 2;
  if (escaped || len > 32 || len === 0) return decodeString(b, qs, qe, escaped);
  const s = qs + 1;
  const slot = (len * 31 + b[s]! * 7 + b[qe - 2]! * 3 + b[s + (len >> 1)]!) & (CACHE_SLOTS - 1);
  const key = cacheKeys[slot];
  if (key !== undefined && key.length === len) {
    let k = 0;
    while (k < len && key[k] === b[s + k]) k++;
    if (k === len) return cacheValues[slot]!;
  }
  const value = decodeString(b, qs, qe, false);
  cacheKeys[slot] = Uint8Array.prototype.slice.call(b, s, s + len);
  cacheValues[slot] = value;
  return value;
}
