import { createLogIdGenerator, type PreparedBatch } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { bodyFormat, parseBody } from '../src/index.js';

const now = Date.UTC(2026, 10, 24, 12, 0, 0);
const opts = () => ({ tenant: 't1', now, ids: createLogIdGenerator('000000000007') });
const lines = (b: PreparedBatch) => b.lines.toString('utf8').split('\n').slice(0, -1);
const ev = (i: number, extra: Record<string, unknown> = {}) => ({
  log_id: `id-${i}`,
  date: '2026-11-24T10:00:00.000Z',
  type: 's',
  description: 'Success Login',
  user_name: `u${i}@example.com`,
  ...extra,
});

describe('parseBody', () => {
  it('keeps each NDJSON event text byte for byte inside its envelope', () => {
    const texts = [0, 1, 2].map((i) => JSON.stringify(ev(i, { details: { note: 'ü ✓ "q"' } })));
    const out = parseBody(Buffer.from(texts.join('\n') + '\n'), 'ndjson', opts());
    if (!out.ok) throw new Error(out.message);
    expect(lines(out.batch)).toEqual(texts.map((t, i) => `{"log_id":"id-${i}","data":${t}}`));
    expect(out.batch.logIds).toEqual(['id-0', 'id-1', 'id-2']);
    expect(out.batch.types).toEqual(['s', 's', 's']);
    expect([...out.batch.dates]).toEqual([0, 1, 2].map(() => Date.parse('2026-11-24T10:00:00.000Z')));
    const ends = [...out.batch.ends];
    expect(ends[2]).toBe(out.batch.lines.length);
    expect(out.batch.lines.subarray(ends[0], ends[1]).toString()).toBe(`{"log_id":"id-1","data":${texts[1]}}\n`);
  });

  it('assigns unique, time-ordered log_ids and the current date where missing', () => {
    const body = Buffer.from('{"type":"fp"}\r\n\n  \n{"type":"s","date":"2026-01-01T00:00:00Z"}');
    const out = parseBody(body, 'ndjson', opts());
    if (!out.ok) throw new Error(out.message);
    const [a, b] = lines(out.batch).map((l) => JSON.parse(l));
    expect(a.log_id).toMatch(/^900\d{53}$/);
    expect(a.data).toEqual({ log_id: a.log_id, date: new Date(now).toISOString(), type: 'fp' });
    expect(b.data.date).toBe('2026-01-01T00:00:00Z');
    expect(b.log_id > a.log_id).toBe(true);
    expect(out.batch.dates[0]).toBe(now);
  });

  it('accepts a JSON array, a single object and {log_id, data} envelopes', () => {
    const arr = parseBody(Buffer.from(JSON.stringify([ev(1), { log_id: 'x9', data: { type: 'f', date: '2026-11-24T10:00:00Z' } }])), 'json', opts());
    if (!arr.ok) throw new Error(arr.message);
    const parsed = lines(arr.batch).map((l) => JSON.parse(l));
    expect(parsed[0]).toEqual({ log_id: 'id-1', data: ev(1) });
    expect(parsed[1]).toEqual({ log_id: 'x9', data: { type: 'f', date: '2026-11-24T10:00:00Z', log_id: 'x9' } });
    const one = parseBody(Buffer.from(JSON.stringify(ev(5))), 'json', opts());
    expect(one.ok && one.batch.logIds).toEqual(['id-5']);
  });

  it('rejects the whole body and names each bad item with its index and line', () => {
    const body = [JSON.stringify(ev(0)), '{"type": 3}', 'not json', JSON.stringify(ev(3)), '[1]', '{"type":"s","date":"yesterday"}'].join('\n');
    const out = parseBody(Buffer.from(body), 'ndjson', opts());
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.message).toBe('4 of 6 events are invalid; nothing was stored.');
    expect(out.issues.map((i) => [i.index, i.line])).toEqual([
      [1, 2],
      [2, 3],
      [4, 5],
      [5, 6],
    ]);
    expect(out.issues[0]?.message).toMatch(/^type: expected a non-empty string/);
    expect(out.issues[1]?.message).toMatch(/^invalid JSON/);
    expect(out.issues[2]?.message).toMatch(/expected a JSON object .* got array/);
    expect(out.issues[3]?.message).toMatch(/^date: expected an ISO 8601/);
  });

  it('names bad items of a JSON array by index and reports invalid JSON bodies', () => {
    const out = parseBody(Buffer.from(JSON.stringify([ev(0), { type: 's', user_id: 5 }, 'x'])), 'json', opts());
    expect(out.ok).toBe(false);
    if (!out.ok)
      expect(out.issues).toEqual([
        { index: 1, message: 'user_id: expected a string, got number' },
        { index: 2, message: 'expected a JSON object (an Auth0 log event), got string' },
      ]);
    const bad = parseBody(Buffer.from('[{"type":"s"},'), 'json', opts());
    expect(!bad.ok && bad.message).toMatch(/^The body is not valid JSON/);
  });

  it('refuses invalid UTF-8, empty bodies, too many events, oversized events and conflicting envelope ids', () => {
    expect(parseBody(Buffer.from([0x7b, 0xff, 0x7d]), 'ndjson', opts())).toMatchObject({ ok: false, message: 'The body is not valid UTF-8.' });
    expect(parseBody(Buffer.from('\n\n'), 'ndjson', opts())).toMatchObject({ ok: false, message: 'The body holds no events.' });
    const many = Array.from({ length: 4 }, (_, i) => JSON.stringify(ev(i))).join('\n');
    expect(parseBody(Buffer.from(many), 'ndjson', { ...opts(), maxEvents: 3 })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/more than 3 events/),
    });
    const big = parseBody(Buffer.from(JSON.stringify(ev(0, { details: { x: 'y'.repeat(200) } }))), 'ndjson', { ...opts(), maxEventBytes: 100 });
    expect(!big.ok && big.issues[0]?.message).toMatch(/bytes; the limit is 100/);
    const conflict = parseBody(Buffer.from('{"log_id":"a","data":{"type":"s","log_id":"b"}}'), 'ndjson', opts());
    expect(!conflict.ok && conflict.issues[0]?.message).toMatch(/differs from data.log_id/);
  });

  it('stores JSON-array items as sent, minified when the body spans lines, with missing ids and dates first', () => {
    const compact = parseBody(Buffer.from('[{"type":"s", "log_id":"a1","date":"2026-01-01T00:00:00Z","n":1.50}, {"type":"fp"}]'), 'json', opts());
    if (!compact.ok) throw new Error(compact.message);
    const [a, b] = lines(compact.batch);
    expect(a).toBe('{"log_id":"a1","data":{"type":"s", "log_id":"a1","date":"2026-01-01T00:00:00Z","n":1.50}}');
    expect(b).toBe(
      `{"log_id":"${compact.batch.logIds[1]}","data":{"log_id":"${compact.batch.logIds[1]}","date":"${new Date(now).toISOString()}","type":"fp"}}`,
    );
    const pretty = parseBody(
      Buffer.from('[\n  {\n    "type": "s",\r\n    "log_id": "p1",\n    "date": "2026-01-01T00:00:00Z",\n    "note": "a b\\n c"\n  }\n]\n'),
      'json',
      opts(),
    );
    if (!pretty.ok) throw new Error(pretty.message);
    expect(pretty.batch.lines.toString()).toBe('{"log_id":"p1","data":{"type":"s","log_id":"p1","date":"2026-01-01T00:00:00Z","note":"a b\\n c"}}\n');
  });

  it('limits JSON-array items by their bytes as sent', () => {
    const item = JSON.stringify(ev(0, { details: { x: 'y'.repeat(40) } }));
    const out = parseBody(Buffer.from(`[${item}, ${item}]`), 'json', { ...opts(), maxEventBytes: item.length - 1 });
    expect(out).toMatchObject({ ok: false, issues: [{ index: 0, message: `event is ${item.length} bytes; the limit is ${item.length - 1}` }] });
    expect(parseBody(Buffer.from(`[${item}]`), 'json', { ...opts(), maxEventBytes: item.length }).ok).toBe(true);
  });

  it('maps content types to body formats', () => {
    expect(bodyFormat('application/json; charset=utf-8')).toBe('json');
    expect(bodyFormat(undefined)).toBe('json');
    expect(bodyFormat('application/x-ndjson')).toBe('ndjson');
    expect(bodyFormat('text/plain')).toBeUndefined();
  });
});
