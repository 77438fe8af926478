import { describe, expect, it } from 'vitest';
// The pool runs its built worker script, so this test uses the built package.
import { createParsePool, parseBody } from '../dist/index.js';
import { createLogIdGenerator } from '@outflow/core';

const line = (i: number) => JSON.stringify({ log_id: `id-${i}`, date: '2026-11-24T10:00:00.000Z', type: i % 2 ? 's' : 'fp', user_name: `u${i}` });

describe('parse pool', () => {
  it('parses on worker threads exactly as on the main thread, many bodies at once', async () => {
    const pool = createParsePool(2);
    try {
      const bodies = Array.from({ length: 20 }, (_, b) => Buffer.from(Array.from({ length: 50 }, (_, i) => line(b * 50 + i)).join('\n')));
      const expected = bodies.map((body) => parseBody(body, 'ndjson', { tenant: 't', now: 0, ids: createLogIdGenerator() }));
      const got = await Promise.all(bodies.map((body) => pool.parse(Buffer.from(body), 'ndjson', { tenant: 't', now: 0 })));
      got.forEach((g, i) => {
        const e = expected[i];
        if (!g.ok || !e?.ok) throw new Error('parse failed');
        expect(g.batch.lines.equals(e.batch.lines)).toBe(true);
        expect([...g.batch.ends]).toEqual([...e.batch.ends]);
        expect(g.batch.logIds).toEqual(e.batch.logIds);
        expect(g.batch.types).toEqual(e.batch.types);
        expect([...g.batch.dates]).toEqual([...e.batch.dates]);
        expect(g.batch.tenant).toBe('t');
      });
    } finally {
      await pool.close();
    }
  });

  it('reports bad items from a thread, and copies bodies that share memory before handing them over', async () => {
    const pool = createParsePool(1);
    try {
      const shared = Buffer.from(`xx${line(1)}\n{"type":5}`);
      const body = shared.subarray(2);
      const out = await pool.parse(body, 'ndjson', { tenant: 't', now: 0 });
      expect(out).toMatchObject({ ok: false, issues: [{ index: 1, line: 2 }] });
      expect(shared.subarray(0, 2).toString()).toBe('xx');
      const small = Buffer.from(line(2));
      const ok = await pool.parse(small, 'ndjson', { tenant: 't', now: 0 });
      expect(ok.ok && ok.batch.logIds).toEqual(['id-2']);
      expect(Buffer.from('still usable').toString()).toBe('still usable');
    } finally {
      await pool.close();
    }
  });

  it('parses on the calling thread with zero threads', async () => {
    const pool = createParsePool(0);
    const out = await pool.parse(Buffer.from(line(3)), 'ndjson', { tenant: 't', now: 0 });
    expect(out.ok && out.batch.logIds).toEqual(['id-3']);
    await pool.close();
  });
});
