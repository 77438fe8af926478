// Issue 11 item 5: every Tenant Log Catalog event is accepted; field rules are the union of the catalog's types.
import { createLogIdGenerator, type PreparedBatch } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { parseBody } from '../src/index.js';
import { acceptsKind, F_DATA, F_DATE, FIELDS, K_ARRAY, K_FALSE, K_NULL, K_NUMBER, K_OBJECT, K_STRING, K_TRUE } from '../src/validate-event.js';
import { CATALOG, catalogEvent, misfit, typesOf, UNTYPED_DETAILS } from '../src/testing/catalog-events.js';

const now = Date.UTC(2026, 11, 7, 12, 0, 0);
const opts = () => ({ tenant: 't1', now, ids: createLogIdGenerator('000000000007') });
const CODES = Object.keys(CATALOG);
const events = () => CODES.map((code, i) => catalogEvent(code, `catalog-${i}`));
const lines = (b: PreparedBatch) =>
  b.lines
    .toString('utf8')
    .split('\n')
    .slice(0, -1)
    .map((l) => JSON.parse(l) as { log_id: string; data: Record<string, unknown> });

function accepted(body: string, format: 'json' | 'ndjson'): PreparedBatch {
  const out = parseBody(Buffer.from(body), format, opts());
  if (!out.ok) throw new Error(`${out.message} ${JSON.stringify(out.issues.slice(0, 5))}`);
  return out.batch;
}

/** The JSON types of `field` over all the catalog's event schemas ('any' where one leaves it untyped). */
function catalogTypes(field: string): Set<string> {
  const union = new Set<string>();
  for (const schema of Object.values(CATALOG)) {
    const p = schema.properties?.[field];
    if (p) for (const t of typesOf(p)) union.add(t);
  }
  return union;
}

describe('Tenant Log Catalog events', () => {
  it('generates one schema-valid event per code, string details where the catalog leaves details untyped', () => {
    expect(CODES).toHaveLength(167);
    for (const code of CODES) expect([code, misfit(catalogEvent(code, 'x'), CATALOG[code]!)]).toEqual([code, undefined]);
    expect(UNTYPED_DETAILS).toHaveLength(16);
    expect(UNTYPED_DETAILS).toEqual(expect.arrayContaining(['fede', 'fpurh', 'limit_wc', 'pwd_leak', 'seotpft', 'universal_logout_succeeded']));
    for (const code of UNTYPED_DETAILS) expect(typeof catalogEvent(code, 'x').details).toBe('string');
  });

  it('accepts all 167 events in one NDJSON body, one JSON array and as envelopes, keeping each as sent', () => {
    const all = events();
    for (const batch of [
      accepted(all.map((e) => JSON.stringify(e)).join('\n'), 'ndjson'),
      accepted(JSON.stringify(all), 'json'),
      accepted(JSON.stringify(all.map((e) => ({ log_id: e.log_id, data: e }))), 'json'),
    ]) {
      expect(batch.types).toEqual(CODES);
      expect(batch.logIds).toEqual(all.map((e) => e.log_id));
      expect(lines(batch).map((l) => l.data)).toEqual(all);
    }
  });

  it('accepts any JSON value as details where the catalog leaves it untyped', () => {
    for (const details of ['Password leaked', 42, ['a', 1], true, false, null, { reason: 'x' }]) {
      const body = UNTYPED_DETAILS.map((code) => JSON.stringify({ ...catalogEvent(code, `d-${code}`), details })).join('\n');
      expect(lines(accepted(body, 'ndjson')).map((l) => l.data.details)).toEqual(UNTYPED_DETAILS.map(() => details));
    }
  });

  it('gives each checked field exactly the JSON types the catalog allows it, null counting as absent', () => {
    const KINDS: Record<string, number[]> = {
      string: [K_STRING],
      number: [K_NUMBER],
      object: [K_OBJECT],
      array: [K_ARRAY],
      boolean: [K_TRUE, K_FALSE],
      null: [K_NULL],
    };
    let compared = 0;
    for (let i = F_DATE + 1; i < F_DATA; i++) {
      const field = FIELDS[i]!;
      const union = catalogTypes(field);
      if (union.size === 0) continue; // not in the catalog (location_info, isMobile): the Auth0 log API types stay
      compared++;
      const allowed = new Set(union.has('any') ? Object.values(KINDS).flat() : [...union].flatMap((t) => KINDS[t] ?? []));
      const isBoolean = union.size === 1 && union.has('boolean');
      for (const k of Object.values(KINDS).flat()) {
        expect([field, k, acceptsKind(i, k)]).toEqual([field, k, allowed.has(k) || (k === K_NULL && !isBoolean)]);
      }
    }
    expect(compared).toBe(F_DATA - F_DATE - 1 - 2);
  });

  it('still refuses a wrong type in every field the catalog types definitely (over all codes), naming the item and field', () => {
    const WRONG: Record<string, unknown> = { string: 42, object: 'text', boolean: 'yes' };
    let refused = 0;
    for (const [n, code] of CODES.entries()) {
      const event = catalogEvent(code, `w-${n}`);
      for (let i = F_DATE + 1; i < F_DATA; i++) {
        const field = FIELDS[i]!;
        if (!(field in event)) continue;
        const types = [...catalogTypes(field)].filter((t) => t !== 'null');
        if (types.length !== 1 || !(types[0]! in WRONG)) continue;
        const body = JSON.stringify([catalogEvent(CODES[0]!, 'ok-0'), { ...event, [field]: WRONG[types[0]!] }]);
        const out = parseBody(Buffer.from(body), 'json', opts());
        expect([code, field, out.ok]).toEqual([code, field, false]);
        if (!out.ok) expect(out.issues).toEqual([{ index: 1, message: expect.stringMatching(new RegExp(`^${field}: expected an? ${types[0]}`)) }]);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(2000);
  });
});
