// Store contract: everything committed survives closing and reopening a persistent store.
import { describe, expect, it } from 'vitest';
import { compileFilter } from '../filter.js';
import type { Store } from '../store.js';
import { type ContractContext, T0, appendTo, makeBatch, query, readAll, streamDef } from './contract-helpers.js';
import { deadLetters, healthRecords } from './contract-records.js';
import { richStream } from './contract-streams.js';

async function snapshot(store: Store) {
  return {
    streams: (await store.streams.list()).sort((a, b) => a.id.localeCompare(b.id)),
    health: [...(await store.health.list('dd1')), ...(await store.health.list('s2'))],
    letters: await store.deadLetters.list('dd1'),
    stats: await store.stats.list('dd1', 0, T0 + 3_600_000),
    bounds: [await store.events.bounds('acme'), await store.events.bounds('globex')],
    counts: [await store.events.count('acme', 0), await store.events.count('acme', 0, undefined, compileFilter([{ type: 'type', name: 'f' }]))],
  };
}

export function describeReopen(ctx: ContractContext): void {
  describe('persistence', () => {
    it('keeps events, streams, health and dead letters across close and reopen', async () => {
      if (!ctx.harness.reopen) throw new Error('A persistent store must give reopen() to its contract harness.');
      await appendTo(ctx, 'acme', ['s', 'f', 'fp'], T0, { unicode: true });
      await appendTo(ctx, 'globex', ['s'], T0 + 1000);
      await appendTo(ctx, 'acme', ['f', 's'], T0 + 2000, { pad: 500 });
      await appendTo(ctx, 'acme', ['sapi'], T0 + 3000);
      await ctx.store.streams.create(richStream(), 0, T0);
      await ctx.store.streams.create(streamDef('s2', 'globex'), 0, T0);
      const { state } = await ctx.store.streams.create(streamDef('s3', 'acme'), 0, T0);
      await ctx.store.streams.commitDelivery('dd1', { generation: state.generation, cursor: ctx.log[4]?.seq ?? 0, delivered: 3, at: T0 + 10 });
      await ctx.store.streams.setCursor('s3', 1);
      await ctx.store.streams.recordFailure('dd1', T0 + 20);
      await ctx.store.streams.setStatus('dd1', 'suspended', 'Failing.', T0 + 30);
      await ctx.store.streams.addDeadLettered('dd1', 2);
      await ctx.store.streams.update('s2', { name: 'Renamed', filters: [{ type: 'type', name: 'f' }] }, T0 + 40);
      for (const r of healthRecords('dd1')) await ctx.store.health.append(r);
      await ctx.store.deadLetters.add(deadLetters('dd1'));
      await ctx.store.stats.add('dd1', T0 + 10, { delivered: 3, deadLettered: 2 });
      await ctx.store.stats.add('dd1', T0 + 60_010, { failed: 5, failedRounds: 1 });
      await ctx.store.events.purge(T0 + 1000);
      ctx.log.splice(0, ctx.log.length, ...ctx.log.filter((e) => e.recordedAt >= T0 + 1000));
      const before = await snapshot(ctx.store);
      expect(before.stats).toHaveLength(2);
      const { generation } = (await ctx.store.streams.get('s3'))?.state ?? { generation: -1 };

      const store = await ctx.reopen();
      expect(await snapshot(store)).toEqual(before);
      expect((await readAll(ctx, query('acme', 0))).seqs).toEqual(ctx.log.filter((e) => e.tenant === 'acme').map((e) => e.seq));
      const q = query('acme', 0);
      expect((await store.events.read(q)).batch.jsonLines().toString('utf8')).toBe(
        ctx.log
          .filter((e) => e.tenant === 'acme')
          .map((e) => `${e.text}\n`)
          .join(''),
      );
      for (const e of ctx.log) expect(await store.events.recordedAt(e.seq)).toBe(e.recordedAt);
      expect(await store.streams.commitDelivery('s3', { generation: generation - 1, cursor: 99, delivered: 1, at: T0 })).toBe(false);
      expect(await store.streams.commitDelivery('s3', { generation, cursor: 2, delivered: 1, at: T0 })).toBe(true);
    });

    it('continues sequence numbers and recording times after reopening', async () => {
      if (!ctx.harness.reopen) throw new Error('A persistent store must give reopen() to its contract harness.');
      const first = await appendTo(ctx, 'acme', ['s', 's'], T0 + 5000);
      const store = await ctx.reopen();
      const seen: number[] = [];
      store.events.subscribe((_tenant, seq) => seen.push(seq));
      const next = await appendTo(ctx, 'acme', ['f'], T0 + 100);
      expect(next.firstSeq).toBeGreaterThan(first.lastSeq);
      expect(next.recordedAt).toBeGreaterThanOrEqual(T0 + 5000);
      expect((await readAll(ctx, query('acme', 0))).seqs).toEqual([first.firstSeq, first.lastSeq, next.firstSeq]);
      await expect.poll(() => seen).toEqual([next.lastSeq]);
    });

    it('does not reuse sequence numbers after everything was purged and the store reopened', async () => {
      if (!ctx.harness.reopen) throw new Error('A persistent store must give reopen() to its contract harness.');
      const { lastSeq } = await appendTo(ctx, 'acme', ['s', 's', 's'], T0);
      await ctx.store.events.purge(T0 + 1);
      const store = await ctx.reopen();
      expect(await store.events.bounds('acme')).toEqual({ firstSeq: 0, lastSeq: 0, lastRecordedAt: null });
      const next = await store.events.append(makeBatch('acme', ['s']), T0 + 2);
      expect(next.firstSeq).toBeGreaterThan(lastSeq);
      expect(await store.events.recordedAt(next.firstSeq)).toBe(T0 + 2);
    });
  });
}
