// Store contract: retention purge of the log, cursors moved forward and `events_lost` health records.
import { describe, expect, it } from 'vitest';
import { type ContractContext, T0, appendTo, makeBatch, query, readAll, streamDef } from './contract-helpers.js';

export function describePurge(ctx: ContractContext): void {
  describe('events: purge', () => {
    /** acme@T0 (3), globex@T0 (2), acme@T0+1000 (2), globex@T0+2000 (1), acme@T0+2000 (1). */
    const fill = async () => {
      const a1 = await appendTo(ctx, 'acme', ['s', 'f', 's'], T0);
      const g1 = await appendTo(ctx, 'globex', ['s', 's'], T0);
      const a2 = await appendTo(ctx, 'acme', ['f', 's'], T0 + 1000);
      const g2 = await appendTo(ctx, 'globex', ['s'], T0 + 2000);
      const a3 = await appendTo(ctx, 'acme', ['fp'], T0 + 2000);
      return { a1, g1, a2, g2, a3 };
    };

    it('removes events recorded before the time and keeps those recorded at or after it', async () => {
      const { a1, a2, g1, g2, a3 } = await fill();
      const result = await ctx.store.events.purge(T0 + 2000);
      expect(result).toEqual({ events: 7, streams: [] });
      for (const seq of [a1.firstSeq, a1.lastSeq, g1.lastSeq, a2.lastSeq]) expect(await ctx.store.events.recordedAt(seq)).toBeNull();
      expect(await ctx.store.events.recordedAt(a3.lastSeq)).toBe(T0 + 2000);
      const retained = ctx.log.filter((e) => e.recordedAt >= T0 + 2000);
      ctx.log.splice(0, ctx.log.length, ...retained);
      expect((await readAll(ctx, query('acme', 0))).seqs).toEqual([a3.lastSeq]);
      expect((await readAll(ctx, query('globex', a1.lastSeq))).seqs).toEqual([g2.lastSeq]);
      expect(await ctx.store.events.bounds('acme')).toEqual({ firstSeq: a3.firstSeq, lastSeq: a3.lastSeq, lastRecordedAt: T0 + 2000 });
      expect(await ctx.store.events.count('acme', 0)).toBe(1);
      const cursor = await ctx.store.events.seek('acme', 0);
      expect((await readAll(ctx, query('acme', cursor))).seqs).toEqual([a3.lastSeq]);
    });

    it("moves behind cursors forward with one events_lost record each, counting only the stream's tenant", async () => {
      const { a1, g1, a2 } = await fill();
      const cursors: Record<string, [string, number]> = {
        acmeNew: ['acme', 0],
        acmeMid: ['acme', a1.firstSeq + 1],
        acmeDone: ['acme', a2.lastSeq],
        acmeAhead: ['acme', 10_000],
        globexNew: ['globex', 0],
        globexDone: ['globex', g1.lastSeq],
        initech: ['initech', 0],
      };
      for (const [id, [tenant, cursor]] of Object.entries(cursors)) await ctx.store.streams.create(streamDef(id, tenant), cursor, T0);
      const result = await ctx.store.events.purge(T0 + 2000);
      expect(result.events).toBe(7);
      const lost = { acmeNew: 5, acmeMid: 3, globexNew: 2 };
      const byId = (x: { streamId: string }, y: { streamId: string }) => (x.streamId < y.streamId ? -1 : 1);
      expect([...result.streams].sort(byId)).toEqual(
        Object.entries(lost)
          .map(([streamId, n]) => ({ streamId, lost: n }))
          .sort(byId),
      );
      for (const [id, [tenant, before]] of Object.entries(cursors)) {
        const stream = await ctx.store.streams.get(id);
        const records = await ctx.store.health.list(id);
        const n = lost[id as keyof typeof lost];
        if (n === undefined) {
          expect(stream?.state.cursor).toBe(before);
          expect(records).toEqual([]);
          continue;
        }
        const purged = ctx.log.filter((e) => e.tenant === tenant && e.recordedAt < T0 + 2000).pop()?.seq ?? 0;
        const kept = ctx.log.find((e) => e.tenant === tenant && e.recordedAt >= T0 + 2000)?.seq ?? 0;
        expect(stream?.state.cursor).toBeGreaterThanOrEqual(purged);
        expect(stream?.state.cursor).toBeLessThan(kept);
        expect(records).toHaveLength(1);
        expect(records[0]).toMatchObject({ streamId: id, tenant, kind: 'events_lost', count: n, message: expect.any(String) });
      }
    });

    it('is idempotent and does nothing when no event is old enough', async () => {
      await fill();
      await ctx.store.streams.create(streamDef('s1', 'acme'), 0, T0);
      expect(await ctx.store.events.purge(T0)).toEqual({ events: 0, streams: [] });
      expect((await ctx.store.streams.get('s1'))?.state.cursor).toBe(0);
      const first = await ctx.store.events.purge(T0 + 1000);
      expect(first).toEqual({ events: 5, streams: [{ streamId: 's1', lost: 3 }] });
      const cursor = (await ctx.store.streams.get('s1'))?.state.cursor;
      expect(await ctx.store.events.purge(T0 + 1000)).toEqual({ events: 0, streams: [] });
      expect((await ctx.store.streams.get('s1'))?.state.cursor).toBe(cursor);
      expect(await ctx.store.health.list('s1')).toHaveLength(1);
    });

    it('never reuses sequence numbers after purging everything', async () => {
      const { a3 } = await fill();
      expect((await ctx.store.events.purge(T0 + 5000)).events).toBe(9);
      expect(await ctx.store.events.bounds('acme')).toEqual({ firstSeq: 0, lastSeq: 0, lastRecordedAt: null });
      expect(await ctx.store.events.count('acme', 0)).toBe(0);
      ctx.log.splice(0);
      const next = await ctx.store.events.append(makeBatch('acme', ['s']), T0 + 6000);
      expect(next.firstSeq).toBeGreaterThan(a3.lastSeq);
    });
  });
}
