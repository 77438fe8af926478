// Differential tests: the byte scanner must accept exactly what JSON.parse accepts and extract the same fields.
import { isUtf8 } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { decodeString } from '../src/decode-string.js';
import { EV_OBJECT, newScannedEvent, scanEvent } from '../src/scan-event.js';
import { MAX_DEPTH, scan } from '../src/scan-json.js';
import { E_DEPTH } from '../src/scan-errors.js';
import { FIELDS, F_DATE, F_LOG_ID, F_TYPE, K_OBJECT, KIND_NAMES, kindOf } from '../src/validate-event.js';
import { createRng, depthOf, int, lineText, mutate, type Rng } from './json-gen.js';

const VALID_LINES = 30_000;
const MUTATIONS = 40_000;
const BYTE_MUTATIONS = 10_000;
const ev = newScannedEvent();

/** What JSON.parse says of a text: its value, or that it refuses it (or nests deeper than the limit). */
function oracle(text: string): { ok: true; value: unknown } | { ok: false; deep: boolean } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, deep: false };
  }
  return depthOf(value) > MAX_DEPTH ? { ok: false, deep: true } : { ok: true, value };
}

/**
 * Scans `buf` (inside a larger buffer, with bytes around it that must not be read as part of it) and
 * returns a description of the first disagreement with JSON.parse, or undefined.
 */
function disagreement(text: string, buf: Buffer): string | undefined {
  const padded = Buffer.concat([Buffer.from('"1,}'), buf, Buffer.from('"]}\n')]);
  const start = 4;
  const end = 4 + buf.length;
  const r = scanEvent(padded, start, end, ev);
  const want = oracle(text);
  if (!want.ok) {
    if (r >= 0) return `scanner accepted what JSON.parse refuses${want.deep ? ' (too deep)' : ''}`;
    if (want.deep && scan.code !== E_DEPTH && depthOf(safeParse(text)) > MAX_DEPTH) return `expected the depth error, got code ${scan.code}`;
    return undefined;
  }
  if (r < 0) return `scanner refused (code ${scan.code} at ${scan.at - start}) what JSON.parse accepts`;
  const value = want.value;
  const isObject = kindOf(value) === K_OBJECT;
  if ((r === EV_OBJECT) !== isObject) return `object-ness differs: scanner ${r}, JSON.parse ${KIND_NAMES[kindOf(value)]}`;
  if (!isObject) return KIND_NAMES[ev.topKind] === KIND_NAMES[kindOf(value)] ? undefined : `top kind ${KIND_NAMES[ev.topKind]} vs ${KIND_NAMES[kindOf(value)]}`;
  const obj = value as Record<string, unknown>;
  for (let i = 0; i < FIELDS.length; i++) {
    const name = FIELDS[i]!;
    const expected = Object.hasOwn(obj, name) ? kindOf(obj[name]) : 0;
    if (ev.kinds[i] !== expected) return `field ${name}: kind ${ev.kinds[i]} vs ${expected}`;
    if ((i === F_TYPE || i === F_LOG_ID || i === F_DATE) && typeof obj[name] === 'string') {
      const got = decodeString(padded, ev.starts[i]!, ev.ends[i]!, ev.escaped[i] === 1);
      if (got !== obj[name]) return `field ${name}: value ${JSON.stringify(got)} vs ${JSON.stringify(obj[name])}`;
    }
  }
  return undefined;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function report(failures: string[], total: number): void {
  if (failures.length) throw new Error(`${failures.length} of ${total} disagree; first:\n${failures.slice(0, 3).join('\n')}`);
}

function validLines(r: Rng, n: number): string[] {
  return Array.from({ length: n }, () => lineText(r));
}

describe('scanner vs JSON.parse', () => {
  it(`accepts ${VALID_LINES} random valid lines and extracts what JSON.parse gives`, () => {
    const r = createRng(1);
    const failures: string[] = [];
    let objects = 0;
    for (const text of validLines(r, VALID_LINES)) {
      expect(() => JSON.parse(text)).not.toThrow();
      const problem = disagreement(text, Buffer.from(text));
      if (problem) failures.push(`${problem}\n  line: ${JSON.stringify(text)}`);
      if (ev.topKind === K_OBJECT) objects++;
    }
    report(failures, VALID_LINES);
    expect(objects).toBeGreaterThan(VALID_LINES * 0.8);
  });

  it(`agrees with JSON.parse on ${MUTATIONS} mutated lines`, () => {
    const r = createRng(2);
    const failures: string[] = [];
    let refused = 0;
    for (let i = 0; i < MUTATIONS; i++) {
      const original = lineText(r);
      const { text, how } = mutate(r, original);
      const problem = disagreement(text, Buffer.from(text));
      if (problem) failures.push(`${problem} (${how})\n  from: ${JSON.stringify(original)}\n  to:   ${JSON.stringify(text)}`);
      if (!oracle(text).ok) refused++;
    }
    report(failures, MUTATIONS);
    // Most mutations break the text; some keep it valid: both sides are exercised.
    expect(refused).toBeGreaterThan(MUTATIONS * 0.6);
    expect(refused).toBeLessThan(MUTATIONS * 0.98);
  });

  it(`agrees with JSON.parse on ${BYTE_MUTATIONS} byte-level mutations (valid UTF-8 only)`, () => {
    const r = createRng(3);
    const failures: string[] = [];
    let checked = 0;
    for (let i = 0; i < BYTE_MUTATIONS * 3 && checked < BYTE_MUTATIONS; i++) {
      const buf = Buffer.from(lineText(r));
      const at = int(r, buf.length + 1);
      const byte = int(r, 256);
      const roll = int(r, 3);
      const out =
        roll === 0
          ? Buffer.concat([buf.subarray(0, at), buf.subarray(at + 1)])
          : roll === 1
            ? Buffer.concat([buf.subarray(0, at), Buffer.from([byte]), buf.subarray(at)])
            : Buffer.concat([buf.subarray(0, at), Buffer.from([byte]), buf.subarray(at + 1)]);
      // The body's UTF-8 is checked once before scanning; the scanner only sees valid UTF-8.
      if (!isUtf8(out)) continue;
      checked++;
      const text = out.toString('utf8');
      const problem = disagreement(text, out);
      if (problem) failures.push(`${problem} (byte ${byte} op ${roll} at ${at})\n  to: ${JSON.stringify(text)}`);
    }
    report(failures, checked);
    expect(checked).toBe(BYTE_MUTATIONS);
  });

  it(`refuses nesting deeper than ${MAX_DEPTH} levels and accepts exactly ${MAX_DEPTH}`, () => {
    const nest = (n: number) => `{"type":"s","details":${'['.repeat(n - 1)}${']'.repeat(n - 1)}}`;
    expect(scanEvent(Buffer.from(nest(MAX_DEPTH)), 0, Buffer.byteLength(nest(MAX_DEPTH)), ev)).toBe(EV_OBJECT);
    expect(scanEvent(Buffer.from(nest(MAX_DEPTH + 1)), 0, Buffer.byteLength(nest(MAX_DEPTH + 1)), ev)).toBe(-1);
    expect(scan.code).toBe(E_DEPTH);
    const objects = '{"a":'.repeat(MAX_DEPTH + 1) + '1' + '}'.repeat(MAX_DEPTH + 1);
    expect(scanEvent(Buffer.from(objects), 0, objects.length, ev)).toBe(-1);
    expect(scan.code).toBe(E_DEPTH);
    const deepArray = '['.repeat(5000) + ']'.repeat(5000);
    expect(scanEvent(Buffer.from(deepArray), 0, deepArray.length, ev)).toBe(-1);
  });

  it('lets the last of duplicated keys win and reads escaped keys by their decoded name', () => {
    const text = '{"type":1,"t\\u0079pe":"fp","log_id":"a","log_id":null,"\\u0064ate":"2026-01-01T00:00:00Z","isMobile":true,"isMobile":"no"}';
    expect(scanEvent(Buffer.from(text), 0, text.length, ev)).toBe(EV_OBJECT);
    const obj = JSON.parse(text) as Record<string, unknown>;
    FIELDS.forEach((f, i) => expect([f, ev.kinds[i]]).toEqual([f, Object.hasOwn(obj, f) ? kindOf(obj[f]) : 0]));
    expect(decodeString(Buffer.from(text), ev.starts[F_TYPE]!, ev.ends[F_TYPE]!, false)).toBe('fp');
  });
});
