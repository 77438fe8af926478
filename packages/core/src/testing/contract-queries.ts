// Store contract: seek by time, bounds, count, recordedAt and commit notifications.
import { describe, expect, it, vi } from 'vitest';
import { compileFilter } from '../filter.js';
import type { ReadResult } from '../store.js';
import { type ContractContext, T0, appendTo, query, readAll } from './contract-helpers.js';

export function describeLogQueries(ctx: ContractContext): void {
  /** acme@T0 (3), globex@T0+1000 (2), acme@T0+1000 (2), acme@T0+2000 (1). */
  const fill = async () => {
    await appendTo(ctx, 'acme', ['s', 'f', 'fp'], T0);
    await appendTo(ctx, 'globex', ['s', 'f'], T0 + 1000);
    await appendTo(ctx, 'acme', ['s', 'sapi'], T0 + 1000);
    await appendTo(ctx, 'acme', ['f'], T0 + 2000);
  };
  const seqsOf = (tenant: string, from = Number.NEGATIVE_INFINITY) => ctx.log.filter((e) => e.tenant === tenant && e.recordedAt >= from).map((e) => e.seq);

  describe('events: seek', () => {
    it('returns the cursor before the first event of the tenant recorded at or after the time', async () => {
      await fill();
      for (const [tenant, time] of [
        ['acme', 0],
        ['acme', T0],
        ['acme', T0 + 1],
        ['acme', T0 + 1000],
        ['acme', T0 + 1500],
        ['acme', T0 + 2000],
        ['globex', T0],
        ['globex', T0 + 1000],
      ] as const) {
        const cursor = await ctx.store.events.seek(tenant, time);
        const want = seqsOf(tenant, time);
        expect(cursor).toBeLessThan(want[0] ?? Number.POSITIVE_INFINITY);
        expect((await readAll(ctx, query(tenant, cursor))).seqs).toEqual(want);
      }
      expect(await ctx.store.events.seek('acme', 0)).toBeLessThan(ctx.log[0]?.seq ?? 0);
    });

    it("returns a cursor at or past the tenant's last event when nothing is that recent", async () => {
      await fill();
      for (const [tenant, time] of [
        ['acme', T0 + 2001],
        ['globex', T0 + 1500],
        ['initech', 0],
      ] as const) {
        const cursor = await ctx.store.events.seek(tenant, time);
        expect(cursor).toBeGreaterThanOrEqual((await ctx.store.events.bounds(tenant)).lastSeq);
        expect(cursor).toBeLessThanOrEqual(ctx.log[ctx.log.length - 1]?.seq ?? 0);
        expect((await ctx.store.events.read(query(tenant, cursor))).batch.length).toBe(0);
      }
      expect(await ctx.store.events.seek('acme', T0 + 9999)).toBeGreaterThanOrEqual(seqsOf('acme').pop() ?? 0);
    });

    it('is 0 on an empty log', async () => {
      expect(await ctx.store.events.seek('acme', 0)).toBe(0);
    });
  });

  describe('events: bounds, count and recordedAt', () => {
    it("bounds are the tenant's first and last events and the newest recording time", async () => {
      expect(await ctx.store.events.bounds('acme')).toEqual({ firstSeq: 0, lastSeq: 0, lastRecordedAt: null });
      await fill();
      await appendTo(ctx, 'globex', ['s'], T0 + 3000);
      const acme = seqsOf('acme');
      expect(await ctx.store.events.bounds('acme')).toEqual({ firstSeq: acme[0], lastSeq: acme[acme.length - 1], lastRecordedAt: T0 + 2000 });
      const globex = seqsOf('globex');
      expect(await ctx.store.events.bounds('globex')).toEqual({ firstSeq: globex[0], lastSeq: globex[globex.length - 1], lastRecordedAt: T0 + 3000 });
      expect(await ctx.store.events.bounds('initech')).toEqual({ firstSeq: 0, lastSeq: 0, lastRecordedAt: null });
    });

    it("counts the tenant's events in (afterSeq, uptoSeq], optionally filtered", async () => {
      await fill();
      const acme = ctx.log.filter((e) => e.tenant === 'acme');
      const at = (i: number) => acme[i]?.seq ?? -1;
      const count = (tenant: string, after: number, upto?: number, filter?: Parameters<typeof ctx.store.events.count>[3]) =>
        ctx.store.events.count(tenant, after, upto, filter);
      expect(await count('acme', 0)).toBe(6);
      expect(await count('acme', at(1))).toBe(4);
      expect(await count('acme', 0, at(3))).toBe(4);
      expect(await count('acme', at(0), at(3))).toBe(3);
      expect(await count('acme', at(1), at(1))).toBe(0);
      expect(await count('globex', 0)).toBe(2);
      expect(await count('initech', 0)).toBe(0);
      const login = compileFilter([{ type: 'category', name: 'auth.login.fail' }]);
      expect(await count('acme', 0, undefined, login)).toBe(3);
      expect(await count('acme', at(1), at(4), login)).toBe(1);
      expect(await count('acme', 0, undefined, null)).toBe(6);
    });

    it("recordedAt gives each retained event's recording time, null for unknown seqs", async () => {
      await fill();
      for (const e of ctx.log) expect(await ctx.store.events.recordedAt(e.seq)).toBe(e.recordedAt);
      expect(await ctx.store.events.recordedAt(0)).toBeNull();
      expect(await ctx.store.events.recordedAt((ctx.log[ctx.log.length - 1]?.seq ?? 0) + 1)).toBeNull();
    });
  });

  describe('events: subscribe', () => {
    it('calls listeners after each commit, when a read already sees the events', async () => {
      const calls: Array<[string, number]> = [];
      const reads: Array<Promise<ReadResult>> = [];
      const off = ctx.store.events.subscribe((tenant, lastSeq) => {
        calls.push([tenant, lastSeq]);
        reads.push(ctx.store.events.read(query(tenant, lastSeq - 1)));
      });
      const a = await appendTo(ctx, 'acme', ['s', 'f'], T0);
      const b = await appendTo(ctx, 'globex', ['s'], T0);
      await vi.waitFor(() =>
        expect(calls).toEqual([
          ['acme', a.lastSeq],
          ['globex', b.lastSeq],
        ]),
      );
      const seen = await Promise.all(reads);
      expect(seen.map((r) => [...r.batch.seqs])).toEqual([[a.lastSeq], [b.lastSeq]]);
      off();
      await appendTo(ctx, 'acme', ['s'], T0);
      await new Promise((r) => setTimeout(r, 30));
      expect(calls).toHaveLength(2);
    });

    it('keeps other listeners when one unsubscribes', async () => {
      const first: number[] = [];
      const second: number[] = [];
      const off = ctx.store.events.subscribe((_t, seq) => first.push(seq));
      ctx.store.events.subscribe((_t, seq) => second.push(seq));
      off();
      const { lastSeq } = await appendTo(ctx, 'acme', ['s'], T0);
      await vi.waitFor(() => expect(second).toEqual([lastSeq]));
      expect(first).toEqual([]);
    });
  });
}
