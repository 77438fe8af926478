// Issue 11 item 6: one log_id rule for flat events and envelopes; impossible calendar dates refused in both forms.
import { createLogIdGenerator } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { parseBody } from '../src/index.js';
import type { BodyFormat, ItemIssue } from '../src/types.js';

const now = Date.UTC(2026, 11, 7, 12, 0, 0);
const opts = () => ({ tenant: 't1', now, ids: createLogIdGenerator('000000000007') });
const good = { log_id: 'good-1', type: 's', date: '2026-12-07T10:00:00.000Z' };
const RULE = 'expected a non-empty string of at most 256 printable ASCII characters (U+0020 to U+007E), got';

/** The issues of a body holding a good event and then `item`, in both formats. */
function issues(item: unknown): Record<BodyFormat, ItemIssue[]> {
  const out = {} as Record<BodyFormat, ItemIssue[]>;
  for (const format of ['json', 'ndjson'] as const) {
    const text = format === 'json' ? JSON.stringify([good, item]) : `${JSON.stringify(good)}\n${JSON.stringify(item)}\n`;
    const res = parseBody(Buffer.from(text), format, opts());
    if (res.ok) throw new Error(`${format} body accepted: ${JSON.stringify(item).slice(0, 80)}`);
    expect(res.message).toBe('1 of 2 events are invalid; nothing was stored.');
    out[format] = res.issues;
  }
  return out;
}

function expectIssue(item: unknown, message: string): void {
  expect(issues(item)).toEqual({ json: [{ index: 1, message }], ndjson: [{ index: 1, line: 2, message }] });
}

describe('log_id', () => {
  const BAD: Array<[unknown, string]> = [
    ['', 'an empty string'],
    ['x'.repeat(257), '257 characters'],
    ['9'.repeat(100_000), '100000 characters'],
    ['a\nb', 'U+000A at character 2'],
    ['\u0000', 'U+0000 at character 1'],
    ['id\u007f', 'U+007F at character 3'],
    ['caf\u00e9', 'U+00E9 at character 4'],
    ['x😀', 'U+1F600 at character 2'],
    [42, 'number'],
    [null, 'null'],
    [['a'], 'array'],
  ];

  it('refuses the same bad log_ids in flat events, envelopes and envelope data, naming item and field', () => {
    for (const [id, got] of BAD) {
      expectIssue({ ...good, log_id: id }, `log_id: ${RULE} ${got}`);
      expectIssue({ log_id: id, data: { type: 's' } }, `log_id: ${RULE} ${got}`);
      expectIssue({ data: { type: 's', log_id: id } }, `data.log_id: ${RULE} ${got}`);
    }
  });

  it('accepts 1 to 256 printable ASCII characters, escaped or not, in both forms', () => {
    for (const id of ['a', ' ~!"\\/', 'x'.repeat(256), '90020261207100000000000001']) {
      const body = JSON.stringify([
        { ...good, log_id: id },
        { log_id: `${id.slice(0, 255)}e`, data: { type: 'f' } },
      ]);
      const res = parseBody(Buffer.from(body), 'json', opts());
      if (!res.ok) throw new Error(res.message + JSON.stringify(res.issues));
      expect(res.batch.logIds).toEqual([id, `${id.slice(0, 255)}e`]);
    }
  });
});

describe('date', () => {
  const IMPOSSIBLE = [
    '2026-02-30T00:00:00Z',
    '2026-02-30T00:00:00.000Z',
    '2026-04-31T10:00:00+02:00',
    '2026-13-01T00:00:00Z',
    '2025-02-29T12:00:00Z',
    '2026-01-01T24:00:01Z',
    '2026-01-01T23:60:00Z',
    '2026-01-01T23:59:60Z',
  ];

  it('refuses impossible calendar dates and times in flat events and envelopes, naming item and field', () => {
    for (const date of IMPOSSIBLE) {
      const message = `date: expected an ISO 8601 date-time such as "2026-01-15T10:30:00.000Z" (a real calendar date and time), got ${JSON.stringify(date)}`;
      expectIssue({ ...good, date }, message);
      expectIssue({ log_id: 'e-1', data: { type: 's', date } }, `data.${message}`);
    }
  });

  it('accepts February 29 of leap years and 24:00:00 as the end of a day', () => {
    const body = JSON.stringify([
      { ...good, date: '2024-02-29T23:59:59.999Z' },
      { log_id: 'e-2', data: { type: 's', date: '2000-02-29T00:00:00+01:00' } },
      { ...good, log_id: 'g-3', date: '2026-12-31T24:00:00Z' },
    ]);
    const res = parseBody(Buffer.from(body), 'json', opts());
    if (!res.ok) throw new Error(res.message + JSON.stringify(res.issues));
    expect([...res.batch.dates]).toEqual([Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(2000, 1, 28, 23), Date.UTC(2027, 0, 1)]);
  });
});
