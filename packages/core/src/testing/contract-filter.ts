// Store contract: filtered reads (categories, type codes, `other`) and how scannedTo moves past skipped events.
import { describe, expect, it } from 'vitest';
import { compileFilter } from '../filter.js';
import { type ContractContext, T0, appendTo, checkRead, query, readAll } from './contract-helpers.js';

const MIXED = ['s', 'f', 'fp', 'sapi', 'zz_unknown_code', 's', 'w', 'fu'];

export function describeFilteredReads(ctx: ContractContext): void {
  describe('events: filtered reads', () => {
    const typesOf = (seqs: number[]) => seqs.map((s) => ctx.log.find((e) => e.seq === s)?.type);

    it('selects by category, by type code, and by both', async () => {
      await appendTo(ctx, 'acme', MIXED, T0);
      await appendTo(ctx, 'globex', ['f', 'fp'], T0);
      await appendTo(ctx, 'acme', MIXED, T0);
      const login = compileFilter([{ type: 'category', name: 'auth.login.fail' }]);
      const byType = compileFilter([{ type: 'type', name: 's' }]);
      const both = compileFilter([
        { type: 'category', name: 'management.success' },
        { type: 'type', name: 'w' },
      ]);
      const cases = [
        [login, ['f', 'fp', 'fu']],
        [byType, ['s', 's']],
        [both, ['sapi', 'w']],
      ] as const;
      for (const [filter, types] of cases) {
        const { seqs } = await readAll(ctx, query('acme', 0, { filter }));
        expect(typesOf(seqs)).toEqual([...types, ...types]);
      }
    });

    it('puts unknown type codes in the `other` category', async () => {
      await appendTo(ctx, 'acme', MIXED, T0);
      const { seqs } = await readAll(ctx, query('acme', 0, { filter: compileFilter([{ type: 'category', name: 'other' }]) }));
      expect(typesOf(seqs)).toEqual(['zz_unknown_code']);
    });

    it('applies maxEvents to matching events only, never skipping a match it did not return', async () => {
      await appendTo(ctx, 'acme', ['f', 's', 's', 'f', 's', 'f', 's'], T0);
      const q = query('acme', 0, { filter: compileFilter([{ type: 'type', name: 'f' }]), maxEvents: 1 });
      const first = await ctx.store.events.read(q);
      checkRead(ctx.log, q, first);
      expect(first.batch.length).toBe(1);
      expect(first.scannedTo).toBeLessThan(ctx.log[3]?.seq ?? 0);
      const all = await readAll(ctx, q);
      expect(typesOf(all.seqs)).toEqual(['f', 'f', 'f']);
      expect(all.cursor).toBeGreaterThanOrEqual(ctx.log[5]?.seq ?? 0);
    });

    it('lets the cursor move past skipped events', async () => {
      const { events } = await appendTo(ctx, 'acme', ['f', 's', 's', 's'], T0);
      const q = query('acme', 0, { filter: compileFilter([{ type: 'type', name: 'f' }]) });
      const result = await ctx.store.events.read(q);
      checkRead(ctx.log, q, result);
      expect([...result.batch.seqs]).toEqual([events[0]?.seq]);
      const next = await readAll(ctx, { ...q, afterSeq: result.scannedTo });
      expect(next.seqs).toEqual([]);
      expect(next.cursor).toBe(events[3]?.seq);
    });

    it('advances scannedTo over examined events when nothing matches, across many batches', async () => {
      for (let i = 0; i < 150; i++) await appendTo(ctx, i % 10 === 0 ? 'globex' : 'acme', ['s', 'ss'], T0);
      const lastAcme = ctx.log.filter((e) => e.tenant === 'acme').pop()?.seq ?? 0;
      const q = query('acme', 0, { filter: compileFilter([{ type: 'type', name: 'f' }]) });
      let cursor = 0;
      for (let reads = 0; cursor < lastAcme; reads++) {
        expect(reads).toBeLessThan(300);
        const result = await ctx.store.events.read({ ...q, afterSeq: cursor });
        checkRead(ctx.log, { ...q, afterSeq: cursor }, result);
        expect(result.batch.length).toBe(0);
        expect(result.scannedTo).toBeGreaterThan(cursor);
        cursor = result.scannedTo;
      }
      const late = await appendTo(ctx, 'acme', ['s', 'f'], T0);
      const found = await readAll(ctx, { ...q, afterSeq: cursor });
      expect(found.seqs).toEqual([late.lastSeq]);
    });

    it('finds a match that follows many non-matching batches', async () => {
      for (let i = 0; i < 120; i++) await appendTo(ctx, 'acme', ['s'], T0);
      const { firstSeq } = await appendTo(ctx, 'acme', ['fp', 's'], T0);
      const filter = compileFilter([{ type: 'category', name: 'auth.login.fail' }]);
      expect((await readAll(ctx, query('acme', 0, { filter }))).seqs).toEqual([firstSeq]);
      expect((await readAll(ctx, query('acme', 0, { filter, maxEvents: 1, maxBytes: 1 }))).seqs).toEqual([firstSeq]);
    });
  });
}
