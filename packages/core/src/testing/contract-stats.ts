// Store contract: per-stream per-minute delivery counters (add, list a window, totals, purge, delete).
import { describe, expect, it } from 'vitest';
import type { ContractContext } from './contract-helpers.js';
import { streamDef, T0 } from './contract-helpers.js';

const MIN = 60_000;

export function describeStats(ctx: ContractContext): void {
  describe('stream stats', () => {
    it('adds counts into the minute that holds the time, per stream', async () => {
      await ctx.store.stats.add('s1', T0 + 5_000, { delivered: 10 });
      await ctx.store.stats.add('s1', T0 + 59_999, { delivered: 5, deadLettered: 1 });
      await ctx.store.stats.add('s1', T0 + MIN, { failed: 7, failedRounds: 1 });
      await ctx.store.stats.add('s2', T0 + 1, { delivered: 99 });
      expect(await ctx.store.stats.list('s1', T0, T0 + 10 * MIN)).toEqual([
        { at: T0, delivered: 15, failed: 0, deadLettered: 1, failedRounds: 0 },
        { at: T0 + MIN, delivered: 0, failed: 7, deadLettered: 0, failedRounds: 1 },
      ]);
      expect(await ctx.store.stats.list('s1', T0 + MIN, T0 + 2 * MIN)).toEqual([{ at: T0 + MIN, delivered: 0, failed: 7, deadLettered: 0, failedRounds: 1 }]);
      expect(await ctx.store.stats.list('s1', T0 - MIN, T0)).toEqual([]);
      expect(await ctx.store.stats.totals('s1')).toEqual({ delivered: 15, failed: 7, deadLettered: 1, failedRounds: 1 });
      expect(await ctx.store.stats.totals('none')).toEqual({ delivered: 0, failed: 0, deadLettered: 0, failedRounds: 0 });
    });

    it('purges minutes that started before the time, across streams', async () => {
      await ctx.store.stats.add('s1', T0, { delivered: 1 });
      await ctx.store.stats.add('s1', T0 + 2 * MIN, { delivered: 2 });
      await ctx.store.stats.add('s2', T0 + MIN, { failed: 3, failedRounds: 1 });
      expect(await ctx.store.stats.purge(T0 + 2 * MIN)).toBe(2);
      expect(await ctx.store.stats.list('s1', 0, T0 + 10 * MIN)).toEqual([{ at: T0 + 2 * MIN, delivered: 2, failed: 0, deadLettered: 0, failedRounds: 0 }]);
      expect(await ctx.store.stats.totals('s2')).toEqual({ delivered: 0, failed: 0, deadLettered: 0, failedRounds: 0 });
      expect(await ctx.store.stats.purge(T0 + 2 * MIN)).toBe(0);
    });

    it("forgets a deleted stream's counts", async () => {
      await ctx.store.streams.create(streamDef('s1', 'acme'), 0, T0);
      await ctx.store.stats.add('s1', T0, { delivered: 4 });
      await ctx.store.streams.delete('s1');
      expect(await ctx.store.stats.list('s1', 0, T0 + MIN)).toEqual([]);
    });
  });
}
