// Store contract: append ranges, recordedAt, and read (afterSeq, tenants, batch contents, limits).
import { describe, expect, it } from 'vitest';
import type { LogEnvelope } from '../types.js';
import { type ContractContext, T0, appendTo, checkRead, query, readAll } from './contract-helpers.js';

export function describeAppendAndRead(ctx: ContractContext): void {
  describe('events: append', () => {
    it('assigns increasing, non-overlapping seq ranges across tenants', async () => {
      const a = await appendTo(ctx, 'acme', ['s', 'f', 's'], T0);
      const b = await appendTo(ctx, 'globex', ['s', 's'], T0);
      const c = await appendTo(ctx, 'acme', ['fp'], T0);
      expect(a.firstSeq).toBeGreaterThanOrEqual(1);
      expect([a.lastSeq - a.firstSeq, b.lastSeq - b.firstSeq, c.lastSeq - c.firstSeq]).toEqual([2, 1, 0]);
      expect(b.firstSeq).toBeGreaterThan(a.lastSeq);
      expect(c.firstSeq).toBeGreaterThan(b.lastSeq);
    });

    it('records the given time and never lets recordedAt go backwards', async () => {
      expect((await appendTo(ctx, 'acme', ['s'], T0 + 1000)).recordedAt).toBe(T0 + 1000);
      expect((await appendTo(ctx, 'acme', ['s'], T0 + 2000)).recordedAt).toBe(T0 + 2000);
      expect((await appendTo(ctx, 'globex', ['s'], T0 + 1500)).recordedAt).toBeGreaterThanOrEqual(T0 + 2000);
      const implicit = await appendTo(ctx, 'acme', ['s']);
      expect(Number.isFinite(implicit.recordedAt)).toBe(true);
      expect(implicit.recordedAt).toBeGreaterThanOrEqual(T0 + 2000);
      for (const e of ctx.log) expect(await ctx.store.events.recordedAt(e.seq)).toBe(e.recordedAt);
    });
  });

  describe('events: read', () => {
    it('returns the events after afterSeq with their exact text, parseable as JSON lines and array', async () => {
      const { events } = await appendTo(ctx, 'acme', ['s', 'f', 'fp', 'sapi', 'ss'], T0, { unicode: true });
      const q = query('acme', (events[1] as { seq: number }).seq);
      const { batch, scannedTo } = await ctx.store.events.read(q);
      checkRead(ctx.log, q, { batch, scannedTo });
      const want = events.slice(2);
      expect([...batch.seqs]).toEqual(want.map((e) => e.seq));
      expect(scannedTo).toBe(want[2]?.seq);
      const parsed = want.map((e) => JSON.parse(e.text) as LogEnvelope);
      expect(batch.envelopes()).toEqual(parsed);
      expect(batch.jsonLines().toString('utf8')).toBe(want.map((e) => `${e.text}\n`).join(''));
      expect(
        batch
          .jsonLines()
          .toString('utf8')
          .trimEnd()
          .split('\n')
          .map((l) => JSON.parse(l)),
      ).toEqual(parsed);
      expect(JSON.parse(batch.jsonArray().toString('utf8'))).toEqual(parsed);
    });

    it("never returns another tenant's events", async () => {
      await appendTo(ctx, 'acme', ['s', 'f'], T0);
      await appendTo(ctx, 'globex', ['s', 's', 's'], T0);
      await appendTo(ctx, 'acme', ['fp'], T0);
      await appendTo(ctx, 'globex', ['f'], T0);
      for (const tenant of ['acme', 'globex']) {
        const q = query(tenant, 0);
        const result = await ctx.store.events.read(q);
        checkRead(ctx.log, q, result);
        expect([...result.batch.seqs]).toEqual(ctx.log.filter((e) => e.tenant === tenant).map((e) => e.seq));
      }
      const none = await ctx.store.events.read(query('initech', 0));
      expect(none.batch.length).toBe(0);
      expect(none.scannedTo).toBeLessThanOrEqual(ctx.log[ctx.log.length - 1]?.seq ?? 0);
    });

    it('reads across several appended batches, with jsonLines joining their text', async () => {
      const first = await appendTo(ctx, 'acme', ['s', 's', 'f'], T0);
      await appendTo(ctx, 'globex', ['s'], T0);
      await appendTo(ctx, 'acme', ['fp', 's', 'w'], T0, { unicode: true });
      await appendTo(ctx, 'acme', ['sapi', 'ss', 'f'], T0);
      const q = query('acme', first.firstSeq + 1);
      const result = await ctx.store.events.read(q);
      checkRead(ctx.log, q, result);
      const want = ctx.log.filter((e) => e.tenant === 'acme' && e.seq > q.afterSeq);
      expect(result.batch.length).toBe(7);
      expect(result.batch.jsonLines().toString('utf8')).toBe(want.map((e) => `${e.text}\n`).join(''));
      expect(JSON.parse(result.batch.jsonArray().toString('utf8'))).toEqual(want.map((e) => JSON.parse(e.text)));
    });

    it('honours maxEvents, and reading on from scannedTo yields every event once', async () => {
      await appendTo(ctx, 'acme', ['s', 's', 's', 's', 's', 's'], T0);
      await appendTo(ctx, 'acme', ['f', 'f', 'f', 'f'], T0);
      const q = query('acme', 0, { maxEvents: 4 });
      const result = await ctx.store.events.read(q);
      checkRead(ctx.log, q, result);
      expect(result.batch.length).toBe(4);
      expect(result.scannedTo).toBe(ctx.log[3]?.seq);
      const all = await readAll(ctx, q);
      expect(all.seqs).toEqual(ctx.log.map((e) => e.seq));
    });

    it('honours maxBytes, but always returns at least one event', async () => {
      await appendTo(ctx, 'acme', ['s', 'f', 's', 'f'], T0, { pad: 300 });
      const size = (i: number) => Buffer.byteLength(ctx.log[i]?.text ?? '');
      const exact = query('acme', 0, { maxBytes: size(0) + size(1) });
      const two = await ctx.store.events.read(exact);
      checkRead(ctx.log, exact, two);
      expect(two.batch.length).toBe(2);
      const under = query('acme', 0, { maxBytes: size(0) + size(1) - 1 });
      const one = await ctx.store.events.read(under);
      checkRead(ctx.log, under, one);
      expect(one.batch.length).toBe(1);
      const tiny = query('acme', ctx.log[0]?.seq ?? 0, { maxBytes: 1 });
      const single = await ctx.store.events.read(tiny);
      checkRead(ctx.log, tiny, single);
      expect([...single.batch.seqs]).toEqual([ctx.log[1]?.seq]);
      expect((await readAll(ctx, query('acme', 0, { maxBytes: size(0) + 10 }))).seqs).toEqual(ctx.log.map((e) => e.seq));
    });

    it('returns an empty batch with scannedTo = afterSeq when there is nothing to read', async () => {
      const empty = await ctx.store.events.read(query('acme', 0));
      expect(empty.batch.length).toBe(0);
      expect(empty.scannedTo).toBe(0);
      expect((await ctx.store.events.read(query('acme', 42))).scannedTo).toBe(42);
      const { lastSeq } = await appendTo(ctx, 'acme', ['s', 'f'], T0);
      const atEnd = await ctx.store.events.read(query('acme', lastSeq));
      expect(atEnd.batch.length).toBe(0);
      expect(atEnd.scannedTo).toBe(lastSeq);
      const beyond = await ctx.store.events.read(query('acme', lastSeq + 10));
      expect(beyond.batch.length).toBe(0);
      expect(beyond.scannedTo).toBe(lastSeq + 10);
    });
  });
}
