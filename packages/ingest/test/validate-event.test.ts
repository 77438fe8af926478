// The object form of validateEvent keeps the messages of the original rules.
import { describe, expect, it } from 'vitest';
import { validateEvent } from '../src/index.js';
import { createRng, int, pick, valueText } from './json-gen.js';
import { referenceValidate } from './reference-parse.js';

const FIELDS = [
  'type',
  'log_id',
  'date',
  'description',
  'client_id',
  'connection',
  'ip',
  'user_agent',
  'environment_name',
  'details',
  'location_info',
  'security_context',
  'isMobile',
  'is_mobile',
  'data',
];
const ODD: unknown[] = [
  undefined,
  () => 1,
  10n,
  Symbol('s'),
  '',
  'x'.repeat(101),
  '😀'.repeat(60),
  '2026-01-01T00:00:00Z',
  '2026-01-01T00:00:00+01:00',
  'soon',
  new Date(0),
];

describe('validateEvent (object form)', () => {
  it('gives the messages of the original rules on 20,000 random objects', () => {
    const r = createRng(5);
    for (let i = 0; i < 20_000; i++) {
      const e: Record<string, unknown> = { type: 's' };
      for (let k = int(r, 4); k >= 0; k--) e[pick(r, FIELDS)] = r() < 0.3 ? pick(r, ODD) : JSON.parse(valueText(r, 1));
      expect(validateEvent(e)).toBe(referenceValidate(e));
    }
  });
});
