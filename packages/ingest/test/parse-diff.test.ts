// Differential tests of parseBody against the old JSON.parse-based implementation: same verdicts, messages and batches.
import { createLogIdGenerator, type PreparedBatch } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { parseBody } from '../src/index.js';
import type { BodyFormat, ParseOutcome } from '../src/types.js';
import { createRng, dateText, int, mutate, pick, serialize, valueText, type Rng } from './json-gen.js';
import { referenceParse } from './reference-parse.js';

const BODIES = 3000;
const now = Date.UTC(2026, 10, 24, 12, 0, 0);
const STRINGS = [
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
  'description',
  'client_id',
];
const OBJECTS = ['details', 'location_info', 'security_context'];
const ANY = (r: Rng): unknown => JSON.parse(valueText(r, 2));

function stringOf(r: Rng, len: number): string {
  return Array.from({ length: len }, () => pick(r, ['a', '9', 'é', '😀', '"', '\\', '\n', '✓'])).join('');
}

/** Printable ASCII, quotes and backslashes included (log_ids allow no more). */
function asciiOf(r: Rng, len: number): string {
  return Array.from({ length: len }, () => pick(r, ['a', '9', ' ', '"', '\\', '~', '-'])).join('');
}

/** A random event: valid when `clean`, else each checked field sometimes of a wrong kind or shape. */
function randomEvent(r: Rng, clean: boolean): Record<string, unknown> {
  const e: Record<string, unknown> = {};
  const roll = () => (clean ? r() * 0.8 : r());
  if (roll() < 0.95)
    e.type = roll() < 0.9 ? pick(r, ['s', 'fp', 'seacft', 'sapi', 'é', '😀', 'a"b']) : pick(r, ['', stringOf(r, 100), stringOf(r, 101), 5, null, {}, [], true]);
  if (roll() < 0.7)
    e.log_id =
      roll() < 0.9
        ? `900${int(r, 1e9)}${asciiOf(r, int(r, 6))}`
        : pick(r, ['', asciiOf(r, 256), asciiOf(r, 257), `9${stringOf(r, 3)}`, 'a\u007f', 7, null, ['x'], false]);
  if (roll() < 0.7)
    e.date =
      roll() < 0.85
        ? clean
          ? pick(r, ['2026-11-24T10:00:00.000Z', '2026-01-01T10:30:00+02:00', '2024-02-29T23:59:59.9Z', '2026-01-01T10:30Z'])
          : dateText(r)
        : ANY(r);
  for (const f of STRINGS) if (roll() < 0.25) e[f] = roll() < 0.85 ? stringOf(r, int(r, 12)) : ANY(r);
  for (const f of OBJECTS) if (roll() < 0.2) e[f] = roll() < 0.85 ? { a: ANY(r), b: [1, 'x'] } : ANY(r);
  for (const f of ['isMobile', 'is_mobile']) if (roll() < 0.15) e[f] = roll() < 0.85 ? roll() < 0.5 : ANY(r);
  if (roll() < 0.3) e.extra = { nested: [ANY(r), ANY(r)], n: 1.5e3 };
  if (roll() < 0.05) e.data = { type: 's' };
  return e;
}

/** A random item: an event, an envelope, or another value. */
function randomItem(r: Rng, clean: boolean): unknown {
  const roll = r();
  if (roll < 0.85) return randomEvent(r, clean);
  if (roll < 0.95 || clean) {
    const env: Record<string, unknown> = { data: randomEvent(r, clean) };
    if (r() < 0.6) env.log_id = r() < 0.8 || clean ? ((env.data as Record<string, unknown>).log_id ?? 'L1') : 5;
    if (r() < 0.1 && !clean) env.extra = 1;
    return env;
  }
  return ANY(r);
}

/** Sorted-key JSON of a parsed value, to compare texts that differ only in key order, spacing or number spelling. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

const lines = (b: PreparedBatch) => b.lines.toString('utf8').split('\n').slice(0, -1);

/**
 * JSON bodies get the default size limit here: the new path limits each item's bytes as sent (like
 * NDJSON lines), the old one its re-serialized text (see the size test in parse-body.test.ts).
 */
function compare(format: BodyFormat, body: Buffer, maxEvents: number): string | undefined {
  const opts = () => ({ tenant: 't', now, ids: createLogIdGenerator('000000000009'), maxEvents, maxEventBytes: format === 'ndjson' ? 600 : 1 << 20 });
  const got: ParseOutcome = parseBody(body, format, opts());
  const want: ParseOutcome = referenceParse(body, format, opts());
  // By design, the scanner refuses nesting deeper than MAX_DEPTH, which JSON.parse accepts.
  if (!got.ok && /nesting deeper than/.test(got.message + JSON.stringify(got.issues))) return undefined;
  if (got.ok !== want.ok) return `ok ${got.ok} vs ${want.ok}: ${got.ok ? '' : got.message} / ${want.ok ? '' : want.message}`;
  if (!got.ok && !want.ok) {
    const syntax = /^The body is not valid JSON: /;
    if (syntax.test(want.message) ? !syntax.test(got.message) : got.message !== want.message)
      return `message ${JSON.stringify(got.message)} vs ${JSON.stringify(want.message)}`;
    if (got.issues.length !== want.issues.length) return `issue count ${got.issues.length} vs ${want.issues.length}`;
    for (let i = 0; i < got.issues.length; i++) {
      const g = got.issues[i]!;
      const w = want.issues[i]!;
      const same =
        g.index === w.index && g.line === w.line && (w.message.startsWith('invalid JSON: ') ? g.message.startsWith('invalid JSON: ') : g.message === w.message);
      if (!same) return `issue ${i}: ${JSON.stringify(g)} vs ${JSON.stringify(w)}`;
    }
    return undefined;
  }
  if (!got.ok || !want.ok) return 'unreachable';
  const g = got.batch;
  const w = want.batch;
  if (JSON.stringify([g.logIds, g.types, [...g.dates]]) !== JSON.stringify([w.logIds, w.types, [...w.dates]]))
    return `ids/types/dates differ: ${JSON.stringify([g.logIds, g.types, [...g.dates]])} vs ${JSON.stringify([w.logIds, w.types, [...w.dates]])}`;
  if (g.ends.length !== w.ends.length || g.ends[g.ends.length - 1] !== g.lines.length) return 'ends differ';
  if (format === 'ndjson')
    return g.lines.equals(w.lines) && [...g.ends].join() === [...w.ends].join() ? undefined : `lines differ:\n${g.lines}\nvs\n${w.lines}`;
  // JSON bodies: the new path keeps each item's own text (minified when it spans lines); the same JSON.
  const gl = lines(g);
  const wl = lines(w);
  for (let i = 0; i < wl.length; i++) if (canonical(JSON.parse(gl[i]!)) !== canonical(JSON.parse(wl[i]!))) return `line ${i}: ${gl[i]} vs ${wl[i]}`;
  return gl.length === wl.length ? undefined : 'line count differs';
}

function check(format: BodyFormat, seed: number, makeBody: (r: Rng, items: unknown[], clean: boolean) => string): void {
  const r = createRng(seed);
  const failures: string[] = [];
  for (let i = 0; i < BODIES; i++) {
    // Most bodies are valid, so that the stored bytes are compared too.
    const clean = r() < 0.7;
    const items = Array.from({ length: 1 + int(r, 8) }, () => randomItem(r, clean));
    const body = Buffer.from(makeBody(r, items, clean));
    const problem = compare(format, body, r() < 0.1 ? 1 + int(r, 8) : 100);
    if (problem) failures.push(`${problem}\n  body: ${JSON.stringify(body.toString())}`);
  }
  if (failures.length) throw new Error(`${failures.length} of ${BODIES} bodies differ; first:\n${failures.slice(0, 2).join('\n')}`);
}

describe('parseBody vs the JSON.parse implementation', () => {
  it(`gives the same outcome, messages and bytes on ${BODIES} random NDJSON bodies`, () => {
    check(
      'ndjson',
      11,
      (r, items, clean) =>
        items
          .map((item) => {
            const text = serialize(r, item).replace(/\n/g, ' ');
            const roll = r();
            // Now and then: a broken line, a blank line, a CRLF ending.
            return roll < 0.08 && !clean ? mutate(r, text).text.replace(/\n/g, ' ') : roll < 0.12 ? `\n  \t${text}\r` : text;
          })
          .join('\n') + (r() < 0.5 ? '\n' : ''),
    );
  });

  it(`gives the same outcome, messages and events on ${BODIES} random JSON bodies`, () => {
    check('json', 12, (r, items, clean) => {
      const roll = r();
      if (roll < 0.1) return serialize(r, items[0]);
      const text = `${r() < 0.5 ? '\n' : ''}[${items.map((item) => serialize(r, item)).join(r() < 0.5 ? ',\n  ' : ',')}]`;
      return roll < 0.3 && !clean ? mutate(r, text).text : text;
    });
  });
});
