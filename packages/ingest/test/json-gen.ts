// Seeded generator of random JSON texts (every shape the grammar allows) and of their mutations, for the differential tests.

export type Rng = () => number;

/** mulberry32: a small, fast, seeded PRNG. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const int = (r: Rng, n: number) => Math.floor(r() * n);
export const pick = <T>(r: Rng, a: readonly T[]): T => a[int(r, a.length)] as T;

export const KNOWN_KEYS = [
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
];
const OTHER_KEYS = ['', 'a', 'types', 'typ', 'Type', 'log_i', 'log_idd', 'scope', 'auth0_client', '__proto__', 'ü', '键', 'x y', 'datum', 'ip ', 'is-mobile'];
const NUMBERS = [
  '0',
  '-0',
  '1',
  '-1',
  '42',
  '1234567890123456789012',
  '0.5',
  '-0.0',
  '3.14159',
  '1e5',
  '1E5',
  '1e+5',
  '1e-5',
  '-2.5E-10',
  '1.5e300',
  '1e400',
  '0e0',
  '10',
  '999',
];
const DATES = [
  '2026-11-24T10:00:00.000Z',
  '2026-01-01T00:00:00Z',
  '2024-02-29T23:59:59.9Z',
  '2026-02-30T00:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-01-01T24:00:00Z',
  '2026-01-01T10:30:00+02:00',
  '2026-01-01T10:30Z',
  '2026-01-01T10:30:00.123456Z',
  '2026-01-01',
  'yesterday',
  '0000-01-01T00:00:00Z',
  '0099-12-31T23:59:59.999Z',
  '9999-12-31T23:59:59.999Z',
  '1969-12-31T23:59:59.999Z',
  '2026-04-31T00:00:00Z',
  '2026-01-01T00:00:00.Z',
];
const WS = [' ', '\t', '\r', '\n', '  '];

function ws(r: Rng): string {
  return r() < 0.85 ? '' : pick(r, WS);
}

/** A random code point's JSON string content: raw, or escaped in one of the ways JSON allows. */
function char(r: Rng): string {
  const roll = r();
  if (roll < 0.55) return pick(r, 'abcdefghijklmnopqrstuvwxyz0123456789 _-.:/|@'.split(''));
  if (roll < 0.62) return pick(r, ['\\"', '\\\\', '\\/', '\\b', '\\f', '\\n', '\\r', '\\t']);
  if (roll < 0.68) return '\\u' + int(r, 0x10000).toString(16).padStart(4, '0')[r() < 0.5 ? 'toUpperCase' : 'toLowerCase']();
  if (roll < 0.72) return pick(r, ['\\ud83d\\ude00', '\\uD800', '\\uDFFF', '\\u0000', '\\u001f', '\\u2028']);
  if (roll < 0.8) return pick(r, ['é', 'ü', 'ß', '€', '✓', '键', '\u2028', '\u00a0', '\u007f', '\ufeff']);
  if (roll < 0.85) return pick(r, ['😀', '𝄞', '𠜎', '🏳️‍🌈']);
  return String.fromCodePoint(0x20 + int(r, 0x5f)).replace(/["\\]/, 'q');
}

export function stringToken(r: Rng, maxLen = 12): string {
  let s = '"';
  const n = int(r, maxLen + 1);
  for (let i = 0; i < n; i++) s += char(r);
  return s + '"';
}

function keyToken(r: Rng): string {
  const roll = r();
  if (roll < 0.45) return JSON.stringify(pick(r, KNOWN_KEYS));
  if (roll < 0.55) {
    // A known key with some characters escaped: must still be recognized.
    const k = pick(r, KNOWN_KEYS);
    return '"' + [...k].map((c) => (r() < 0.3 ? '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0') : c)).join('') + '"';
  }
  if (roll < 0.75) return JSON.stringify(pick(r, OTHER_KEYS));
  return stringToken(r, 6);
}

/** A random JSON text of a value, at most `depth` more levels deep. */
export function valueText(r: Rng, depth: number): string {
  const roll = r();
  if (depth > 0 && roll < 0.15) return objectText(r, depth - 1);
  if (depth > 0 && roll < 0.27) {
    const n = int(r, 5);
    const items = Array.from({ length: n }, () => ws(r) + valueText(r, depth - 1) + ws(r));
    return n === 0 ? `[${ws(r)}]` : `[${items.join(',')}]`;
  }
  if (roll < 0.55) return stringToken(r);
  if (roll < 0.6) return JSON.stringify(pick(r, DATES));
  if (roll < 0.8) return pick(r, NUMBERS);
  if (roll < 0.87) return 'true';
  if (roll < 0.94) return 'false';
  return 'null';
}

export function objectText(r: Rng, depth: number): string {
  const n = int(r, 8);
  if (n === 0) return `{${ws(r)}}`;
  const members = Array.from({ length: n }, () => `${ws(r)}${keyToken(r)}${ws(r)}:${ws(r)}${valueText(r, depth)}${ws(r)}`);
  return `{${members.join(',')}}`;
}

/** A random line: mostly an event-like object (often duplicated keys), sometimes another value. */
export function lineText(r: Rng): string {
  const roll = r();
  const body = roll < 0.85 ? objectText(r, 4) : valueText(r, 4);
  if (roll < 0.1) {
    // Duplicate known keys: the last one must win.
    const extra = `${JSON.stringify(pick(r, KNOWN_KEYS))}:${valueText(r, 1)}`;
    return body.startsWith('{') && !/^\{\s*\}$/.test(body) ? `${body.slice(0, -1)},${extra},${JSON.stringify(pick(r, KNOWN_KEYS))}:${valueText(r, 1)}}` : body;
  }
  return ws(r) + body + ws(r);
}

const INSERTS = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '\\',
  "'",
  '0',
  '1',
  '9',
  '-',
  '+',
  '.',
  'e',
  'E',
  'a',
  'n',
  't',
  'f',
  'u',
  'x',
  ' ',
  '\t',
  '\r',
  '\n',
  '\u0000',
  '\u0001',
  '\u001f',
  '\u007f',
  'é',
  '😀',
  '\ufeff',
  '/',
  '*',
];
const NUMBER_SWAPS = [
  '01',
  '1.',
  '.5',
  '+1',
  '-',
  '1e',
  '1e+',
  '-01',
  '0x1F',
  'NaN',
  'Infinity',
  '-Infinity',
  '1.e5',
  '00',
  '1.5.2',
  '--1',
  '1e5e5',
  '0.',
  '-.5',
  '1_000',
  '٣',
];
const BAD_ESCAPES = ['\\x', '\\u12G4', '\\u12', '\\U0041', '\\a', '\\0', "\\'", '\\u', '\\ ', '\\\n'];
const GARBAGE = [' x', ',', '}', ']', '{}', ' 1', '"', 'null', ' \t', '\r', ' /', '\u0000'];

/** A mutation of `text`: usually invalid JSON, sometimes still valid. Returns the new text and what was done. */
export function mutate(r: Rng, text: string): { text: string; how: string } {
  const chars = [...text];
  const at = int(r, chars.length + 1);
  const roll = int(r, 14);
  const splice = (del: number, ins: string) => [...chars.slice(0, at), ins, ...chars.slice(at + del)].join('');
  switch (roll) {
    case 0:
      return { text: splice(1, ''), how: `drop char at ${at}` };
    case 1:
    case 2: {
      const c = pick(r, INSERTS);
      return { text: splice(0, c), how: `insert ${JSON.stringify(c)} at ${at}` };
    }
    case 3: {
      const c = pick(r, INSERTS);
      return { text: splice(1, c), how: `replace char at ${at} by ${JSON.stringify(c)}` };
    }
    case 4:
      return { text: chars.slice(0, at).join(''), how: `truncate at ${at}` };
    case 5: {
      const g = pick(r, GARBAGE);
      return { text: text + g, how: `append ${JSON.stringify(g)}` };
    }
    case 6:
      return replaceMatch(
        r,
        text,
        /"(?:[^"\\]|\\.)*"/g,
        (m) => m.slice(0, 1 + int(r, m.length - 1)) + pick(r, ['\u0000', '\t', '\n', '\r', '\u001f', '\u0008']) + m.slice(1 + int(r, m.length - 1)),
        'raw control char in string',
      );
    case 7:
      return replaceMatch(r, text, /"(?:[^"\\]|\\.)*"/g, (m) => m.slice(0, -1) + pick(r, BAD_ESCAPES) + '"', 'bad escape');
    case 8:
      return replaceMatch(r, text, /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g, () => pick(r, NUMBER_SWAPS), 'number swap');
    case 9:
      return replaceMatch(r, text, /[}\]]/g, (m) => `,${m}`, 'trailing comma');
    case 10:
      return replaceMatch(r, text, /"/g, () => "'", 'single quote');
    case 11:
      return replaceMatch(r, text, /"([A-Za-z_]\w*)"(\s*):/g, (m) => m.replace(/"/g, ''), 'unquoted key');
    case 12: {
      const n = 120 + int(r, 16);
      return { text: splice(0, '['.repeat(n) + ']'.repeat(n)), how: `insert ${n} nested arrays at ${at}` };
    }
    default:
      return replaceMatch(r, text, /(?:true|false|null)/g, (m) => pick(r, [m.slice(0, -1), m.toUpperCase(), `${m}e`, 'nul', 'undefined']), 'literal');
  }
}

function replaceMatch(r: Rng, text: string, re: RegExp, f: (m: string) => string, how: string): { text: string; how: string } {
  const matches = [...text.matchAll(re)];
  if (matches.length === 0) return { text: text + pick(r, GARBAGE), how: `${how} (no match; append)` };
  const m = pick(r, matches);
  const idx = m.index ?? 0;
  return { text: text.slice(0, idx) + f(m[0]) + text.slice(idx + m[0].length), how: `${how} at ${idx}` };
}

/** Nesting depth of a parsed value (a scalar is 0, `{}` is 1). */
export function depthOf(v: unknown): number {
  if (v === null || typeof v !== 'object') return 0;
  let d = 0;
  for (const x of Object.values(v as object)) d = Math.max(d, depthOf(x));
  return d + 1;
}

/** JSON text of a JSON-compatible value, with random whitespace and random \u escapes in strings. */
export function serialize(r: Rng, v: unknown): string {
  if (typeof v === 'string') {
    const plain = JSON.stringify(v);
    if (r() < 0.8) return plain;
    // Escape some characters (astral ones as surrogate pairs).
    let out = '"';
    for (const c of v) {
      if (r() < 0.3) for (let i = 0; i < c.length; i++) out += '\\u' + c.charCodeAt(i).toString(16).padStart(4, '0');
      else out += JSON.stringify(c).slice(1, -1);
    }
    return out + '"';
  }
  if (Array.isArray(v)) return `[${v.map((x) => ws(r) + serialize(r, x) + ws(r)).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.entries(v)
      .map(([k, x]) => `${ws(r)}${serialize(r, k)}${ws(r)}:${ws(r)}${serialize(r, x)}`)
      .join(',')}${ws(r)}}`;
  return JSON.stringify(v);
}

/** A random ISO-8601-like date text: valid, out of range, or of another shape. */
export function dateText(r: Rng): string {
  if (r() < 0.3) return pick(r, DATES);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const frac = pick(r, ['', '', '.5', '.12', '.123', '.1234', '.', '.000']);
  const zone = pick(r, ['Z', 'Z', 'Z', '+02:00', '-0530', 'z', '']);
  const time = r() < 0.1 ? `${p(int(r, 25))}:${p(int(r, 61))}` : `${p(int(r, 25))}:${p(int(r, 61))}:${p(int(r, 61))}${frac}`;
  return `${p(int(r, 10000), 4)}-${p(int(r, 14))}-${p(int(r, 33))}T${time}${zone}`;
}
