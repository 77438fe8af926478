// Store contract: a purge across UTC days (day-partitioned stores drop whole days and delete the boundary day's prefix) counts exactly.
import { describe, expect, it } from 'vitest';
import { type ContractContext, T0, appendTo, query, readAll, streamDef } from './contract-helpers.js';

const DAY = 86_400_000;
const H = 3_600_000;

/** The suite's own log keeps what the store retains, so reads are checked against it. */
const retain = (ctx: ContractContext, cutoff: number) => ctx.log.splice(0, ctx.log.length, ...ctx.log.filter((e) => e.recordedAt >= cutoff));

export function describePurgeAcrossDays(ctx: ContractContext): void {
  describe('events: purge across days', () => {
    it('counts whole days, the boundary day and cursors inside a purged day exactly, and again on later purges', async () => {
      const a1 = await appendTo(ctx, 'acme', ['s', 's'], T0 + H);
      const g1 = await appendTo(ctx, 'globex', ['s'], T0 + 2 * H);
      const a2 = await appendTo(ctx, 'acme', ['f', 's', 's'], T0 + 3 * H);
      const a3 = await appendTo(ctx, 'acme', ['s'], T0 + DAY + H);
      const g2 = await appendTo(ctx, 'globex', ['s', 's'], T0 + DAY + 2 * H);
      const a4 = await appendTo(ctx, 'acme', ['s', 's'], T0 + DAY + 13 * H);
      const a5 = await appendTo(ctx, 'acme', ['fp'], T0 + 2 * DAY + H);
      const cursors: Record<string, [string, number]> = {
        acmeNew: ['acme', 0],
        acmeInFirst: ['acme', a1.firstSeq], // inside the first day's first batch
        acmeInThird: ['acme', a2.firstSeq], // inside the first day's last acme batch
        acmeDone: ['acme', a4.lastSeq],
        globexNew: ['globex', 0],
        globexDone: ['globex', g2.lastSeq],
      };
      for (const [id, [tenant, cursor]] of Object.entries(cursors)) await ctx.store.streams.create(streamDef(id, tenant), cursor, T0);

      // Day 1 at noon: the first day whole (6 events), the second day's first two batches (3).
      const first = await ctx.store.events.purge(T0 + DAY + 12 * H);
      expect(first.events).toBe(9);
      retain(ctx, T0 + DAY + 12 * H);
      const lost1 = { acmeNew: 6, acmeInFirst: 5, acmeInThird: 3, globexNew: 3 };
      expect(Object.fromEntries(first.streams.map((s) => [s.streamId, s.lost]))).toEqual(lost1);
      for (const id of Object.keys(lost1)) {
        const stream = await ctx.store.streams.get(id);
        const last = id.startsWith('acme') ? a3.lastSeq : g2.lastSeq;
        expect(stream?.state.cursor).toBeGreaterThanOrEqual(last);
        expect(stream?.state.cursor).toBeLessThan(a4.firstSeq);
      }
      expect((await ctx.store.streams.get('acmeDone'))?.state.cursor).toBe(a4.lastSeq);
      expect((await readAll(ctx, query('acme', 0))).seqs).toEqual([a4.firstSeq, a4.lastSeq, a5.firstSeq]);
      expect((await readAll(ctx, query('globex', 0))).seqs).toEqual([]);
      expect(await ctx.store.events.recordedAt(g1.firstSeq)).toBeNull();

      // A cutoff on the next day boundary: the rest of the second day (2 events of acme).
      const second = await ctx.store.events.purge(T0 + 2 * DAY);
      expect(second.events).toBe(2);
      expect(Object.fromEntries(second.streams.map((s) => [s.streamId, s.lost]))).toEqual({ acmeNew: 2, acmeInFirst: 2, acmeInThird: 2 });
      expect((await ctx.store.health.list('acmeNew')).map((h) => h.count)).toEqual([2, 6]);
      expect(await ctx.store.events.bounds('acme')).toMatchObject({ firstSeq: a5.firstSeq, lastSeq: a5.lastSeq });
      expect(await ctx.store.events.purge(T0 + 2 * DAY)).toEqual({ events: 0, streams: [] });

      // An append after the purges, then everything: counts stay exact.
      const a6 = await appendTo(ctx, 'acme', ['s', 's', 's'], T0 + 2 * DAY + 2 * H);
      expect((await ctx.store.events.purge(T0 + 4 * DAY)).events).toBe(4);
      expect(await ctx.store.events.count('acme', 0)).toBe(0);
      expect((await ctx.store.streams.get('acmeDone'))?.state.cursor).toBe(a6.lastSeq);
    });
  });
}
