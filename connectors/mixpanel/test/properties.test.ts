// Property shaping within Mixpanel's limits: flattening, lists, 255-byte strings and names, the property cap, under 1 MB.
import { describe, expect, it } from 'vitest';
import { DROPPED_PROPERTY, MAX_LIST_BYTES, MAX_PROPERTIES, mixpanelEvent, shapeProperties, truncateBytes } from '../src/index.js';
import { envelopeAt } from './fixtures.js';

describe('truncateBytes', () => {
  it('cuts to 255 UTF-8 bytes without splitting a character', () => {
    expect(truncateBytes('a'.repeat(300))).toBe('a'.repeat(255));
    expect(truncateBytes('short')).toBe('short');
    const cut = truncateBytes(`a${'é'.repeat(200)}`);
    expect(Buffer.byteLength(cut)).toBe(255);
    expect(cut.endsWith('é')).toBe(true);
    const emoji = truncateBytes('😀'.repeat(100));
    expect(Buffer.byteLength(emoji)).toBe(252);
    expect(emoji).toBe('😀'.repeat(63));
  });
});

describe('shapeProperties', () => {
  it('flattens objects to dotted names, keeps lists of scalars and writes lists of objects as JSON text', () => {
    const shaped = shapeProperties(
      { time: 1 },
      {
        details: { request: { method: 'post', auth: { scopes: ['read:users', 'update:users'] } }, prompts: [{ name: 'login', elapsed: 3 }], empty: {} },
        isMobile: false,
        location_info: null,
      },
    );
    expect(shaped).toEqual({
      time: 1,
      'details.request.method': 'post',
      'details.request.auth.scopes': ['read:users', 'update:users'],
      'details.prompts': '[{"name":"login","elapsed":3}]',
      isMobile: false,
      location_info: null,
    });
  });

  it('cuts strings, list items and names to 255 bytes', () => {
    const shaped = shapeProperties({}, { long: 'x'.repeat(400), list: ['y'.repeat(300)], ['n'.repeat(300)]: 1 });
    expect(shaped.long).toBe('x'.repeat(255));
    expect(shaped.list).toEqual(['y'.repeat(255)]);
    expect(shaped['n'.repeat(255)]).toBe(1);
  });

  it('keeps lists under 255 items and 2 KB', () => {
    const numbers = shapeProperties({}, { n: Array.from({ length: 300 }, () => 1) }).n as number[];
    expect(numbers).toHaveLength(254);
    const words = shapeProperties({}, { w: Array.from({ length: 200 }, (_, i) => `scope-number-${i}`) }).w as string[];
    expect(Buffer.byteLength(JSON.stringify(words))).toBeLessThanOrEqual(MAX_LIST_BYTES);
    expect(words[0]).toBe('scope-number-0');
    expect(words.length).toBeLessThan(200);
  });

  it('keeps at most 253 properties and counts the dropped ones', () => {
    const data = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`f${i}`, i]));
    const shaped = shapeProperties({ time: 1, distinct_id: 'u', $insert_id: 'i' }, data);
    expect(Object.keys(shaped)).toHaveLength(MAX_PROPERTIES);
    expect(shaped[DROPPED_PROPERTY]).toBe(300 - 250);
    expect(shaped.f249).toBe(249);
    expect(shaped).not.toHaveProperty('f250');
    expect(shapeProperties({}, { a: 1 })).not.toHaveProperty(DROPPED_PROPERTY);
  });

  it('keeps even a hostile event under 1 MB, 255 properties, depth 1 and 255 list items', () => {
    const nasty = '\u0001'.repeat(255);
    const wide = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`${nasty}${i}`, Array.from({ length: 1000 }, () => nasty)]));
    const deep = { a: { b: { c: { d: { e: { f: 'deep' } } } } } };
    const event = mixpanelEvent(envelopeAt(0, { details: { wide, deep } }));
    expect(Buffer.byteLength(JSON.stringify(event))).toBeLessThan(1_000_000);
    expect(Object.keys(event.properties).length).toBeLessThan(255);
    for (const value of Object.values(event.properties)) {
      expect(typeof value === 'object' && value !== null && !Array.isArray(value)).toBe(false);
      if (Array.isArray(value)) expect(value.length).toBeLessThan(255);
    }
    expect(mixpanelEvent(envelopeAt(0, { details: { deep } })).properties['details.deep.a.b.c.d.e.f']).toBe('deep');
  });
});
