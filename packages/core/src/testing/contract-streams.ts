// Store contract: stream CRUD and the delivery state (cursor, generation, failures, status).
import { describe, expect, it } from 'vitest';
import type { NewStream, StoredStream } from '../store.js';
import { type ContractContext, streamDef } from './contract-helpers.js';

export const richStream = (id = 'dd1', tenant = 'acme'): NewStream => ({
  id,
  tenant,
  name: 'Datadog EU',
  type: 'datadog',
  status: 'active',
  sink: { datadogRegion: 'eu', tags: ['a', 'b'], nested: { n: 1, ok: true, none: null } },
  filters: [
    { type: 'category', name: 'auth.login.fail' },
    { type: 'type', name: 'fp' },
  ],
  pii_config: { log_fields: ['email', 'phone'], method: 'hash', algorithm: 'xxhash' },
  isPriority: true,
  managedBy: 'config',
});

const freshState = { cursor: 7, failingSince: null, lastSuccessAt: null, lastErrorAt: null, delivered: 0, deadLettered: 0, suspendedReason: null };

export function describeStreams(ctx: ContractContext): void {
  describe('streams: definitions', () => {
    it('creates a stream with its cursor and returns copies of it', async () => {
      const def = richStream();
      const created = await ctx.store.streams.create(def, 7, 1000);
      const want = { ...richStream(), createdAt: 1000, updatedAt: 1000, state: { ...freshState, generation: expect.any(Number) } };
      expect(created).toEqual(want);
      (def.sink as { datadogRegion: string }).datadogRegion = 'changed after create';
      created.state.cursor = 99;
      (created.sink as { datadogRegion: string }).datadogRegion = 'changed on a copy';
      const got = await ctx.store.streams.get('dd1');
      expect(got).toEqual(want);
      if (got) got.state.cursor = 99;
      expect(await ctx.store.streams.get('dd1')).toEqual(want);
      expect(await ctx.store.streams.get('missing')).toBeNull();
    });

    it('rejects a duplicate id and keeps the first stream', async () => {
      await ctx.store.streams.create(richStream(), 7, 1000);
      await expect(ctx.store.streams.create({ ...streamDef('dd1', 'globex') }, 0, 2000)).rejects.toThrow();
      expect((await ctx.store.streams.get('dd1'))?.tenant).toBe('acme');
    });

    it('lists streams, all or by tenant', async () => {
      await ctx.store.streams.create(streamDef('a1', 'acme'), 0, 1000);
      await ctx.store.streams.create(streamDef('g1', 'globex'), 0, 1000);
      await ctx.store.streams.create(richStream('a2', 'acme'), 3, 1000);
      const ids = (list: StoredStream[]) => list.map((s) => s.id).sort();
      expect(ids(await ctx.store.streams.list())).toEqual(['a1', 'a2', 'g1']);
      expect(ids(await ctx.store.streams.list('acme'))).toEqual(['a1', 'a2']);
      expect(await ctx.store.streams.list('initech')).toEqual([]);
      expect((await ctx.store.streams.list('acme')).find((s) => s.id === 'a2')).toEqual(await ctx.store.streams.get('a2'));
    });

    it('updates the patched fields and updatedAt only (undefined leaves a field alone but removes pii_config)', async () => {
      await ctx.store.streams.create(richStream(), 7, 1000);
      const patch = { name: 'Renamed', status: 'paused', sink: { datadogRegion: 'us3' }, filters: [], isPriority: false } as const;
      const updated = await ctx.store.streams.update('dd1', { ...patch, filters: [] }, 2000);
      const want = { ...richStream(), ...patch, filters: [], createdAt: 1000, updatedAt: 2000, state: { ...freshState, generation: expect.any(Number) } };
      expect(updated).toEqual(want);
      expect(await ctx.store.streams.get('dd1')).toEqual(want);
      expect(await ctx.store.streams.update('missing', { name: 'x' }, 2000)).toBeNull();
      const { pii_config: _pii, ...withoutPii } = want;
      const cleared = await ctx.store.streams.update('dd1', { name: undefined, sink: undefined, pii_config: undefined }, 3000);
      expect(cleared).toEqual({ ...withoutPii, updatedAt: 3000 });
      expect(cleared).not.toHaveProperty('pii_config');
      expect(await ctx.store.streams.get('dd1')).toEqual(cleared);
    });

    it('deletes a stream with its health records and dead letters, and no others', async () => {
      for (const id of ['s1', 's2']) {
        await ctx.store.streams.create(streamDef(id, 'acme'), 0, 1000);
        await ctx.store.health.append({ streamId: id, tenant: 'acme', at: 1000, kind: 'delivery_failed', message: 'Failed.' });
        await ctx.store.deadLetters.add([
          { streamId: id, tenant: 'acme', seq: 1, logId: 'l1', type: 's', raw: '{}', at: 1000, errorKind: 'invalid', message: 'Bad.' },
        ]);
      }
      expect(await ctx.store.streams.delete('s1')).toBe(true);
      expect(await ctx.store.streams.get('s1')).toBeNull();
      expect(await ctx.store.health.list('s1')).toEqual([]);
      expect(await ctx.store.deadLetters.count('s1')).toBe(0);
      expect(await ctx.store.deadLetters.list('s1')).toEqual([]);
      expect(await ctx.store.health.list('s2')).toHaveLength(1);
      expect(await ctx.store.deadLetters.count('s2')).toBe(1);
      expect(await ctx.store.streams.delete('s1')).toBe(false);
    });
  });

  describe('streams: delivery state', () => {
    const get = async (id = 'dd1') => (await ctx.store.streams.get(id))?.state;

    it('commitDelivery moves the cursor only forward, counts, sets lastSuccessAt and clears failingSince', async () => {
      const { state } = await ctx.store.streams.create(richStream(), 10, 1000);
      const g = state.generation;
      expect(await ctx.store.streams.commitDelivery('dd1', { generation: g, cursor: 20, delivered: 5, at: 1100 })).toBe(true);
      expect(await get()).toMatchObject({ cursor: 20, delivered: 5, lastSuccessAt: 1100 });
      await ctx.store.streams.recordFailure('dd1', 1200);
      expect(await ctx.store.streams.commitDelivery('dd1', { generation: g, cursor: 15, delivered: 2, at: 1300 })).toBe(true);
      expect(await get()).toEqual({ ...freshState, cursor: 20, delivered: 7, lastSuccessAt: 1300, lastErrorAt: 1200, failingSince: null, generation: g });
      expect(await ctx.store.streams.commitDelivery('missing', { generation: g, cursor: 20, delivered: 1, at: 1300 })).toBe(false);
    });

    it('commitDelivery changes nothing and returns false for a stale generation', async () => {
      const { state } = await ctx.store.streams.create(richStream(), 10, 1000);
      const moved = await ctx.store.streams.setCursor('dd1', 3);
      expect(moved?.state.cursor).toBe(3);
      expect(moved?.state.generation).toBeGreaterThan(state.generation);
      const before = await get();
      expect(await ctx.store.streams.commitDelivery('dd1', { generation: state.generation, cursor: 50, delivered: 9, at: 2000 })).toBe(false);
      expect(await get()).toEqual(before);
      expect(await ctx.store.streams.commitDelivery('dd1', { generation: moved?.state.generation ?? -1, cursor: 50, delivered: 9, at: 2000 })).toBe(true);
      expect(await get()).toMatchObject({ cursor: 50, delivered: 9 });
    });

    it('setCursor moves the cursor anywhere and bumps the generation each time', async () => {
      await ctx.store.streams.create(richStream(), 10, 1000);
      const back = await ctx.store.streams.setCursor('dd1', 2);
      const ahead = await ctx.store.streams.setCursor('dd1', 500);
      expect(back?.state.cursor).toBe(2);
      expect(ahead?.state.cursor).toBe(500);
      expect(ahead?.state.generation).toBeGreaterThan(back?.state.generation ?? Number.POSITIVE_INFINITY);
      expect(await get()).toEqual(ahead?.state);
      expect(await ctx.store.streams.setCursor('missing', 1)).toBeNull();
    });

    it('recordFailure keeps the first failingSince and the latest lastErrorAt', async () => {
      await ctx.store.streams.create(richStream(), 10, 1000);
      expect((await ctx.store.streams.recordFailure('dd1', 1100))?.state).toMatchObject({ failingSince: 1100, lastErrorAt: 1100 });
      expect((await ctx.store.streams.recordFailure('dd1', 1200))?.state).toMatchObject({ failingSince: 1100, lastErrorAt: 1200 });
      expect(await get()).toMatchObject({ failingSince: 1100, lastErrorAt: 1200 });
      expect(await ctx.store.streams.recordFailure('missing', 1)).toBeNull();
    });

    it('setStatus suspends with a reason, and back to active clears failingSince and the reason', async () => {
      await ctx.store.streams.create(richStream(), 10, 1000);
      await ctx.store.streams.recordFailure('dd1', 1100);
      const suspended = await ctx.store.streams.setStatus('dd1', 'suspended', 'Failing for 7 days.', 1200);
      expect(suspended).toMatchObject({ status: 'suspended', updatedAt: 1200, state: { suspendedReason: 'Failing for 7 days.', failingSince: 1100 } });
      expect(await ctx.store.streams.get('dd1')).toEqual(suspended);
      const active = await ctx.store.streams.setStatus('dd1', 'active', null, 1300);
      expect(active).toMatchObject({ status: 'active', updatedAt: 1300, state: { suspendedReason: null, failingSince: null, lastErrorAt: 1100 } });
      expect(await ctx.store.streams.get('dd1')).toEqual(active);
      expect((await ctx.store.streams.setStatus('dd1', 'paused', null, 1400))?.status).toBe('paused');
      expect((await ctx.store.streams.get('dd1'))?.status).toBe('paused');
      expect(await ctx.store.streams.setStatus('missing', 'active', null, 1)).toBeNull();
    });

    it('delivery-state writes issued together apply in call order (a failure after a commit is kept)', async () => {
      await ctx.store.streams.create(richStream(), 10, 1000);
      const generation = (await ctx.store.streams.get('dd1'))?.state.generation ?? 0;
      // A worker's two batches: one commits while the other's round fails, without waiting on each other.
      const writes = [];
      for (let i = 1; i <= 20; i++) {
        writes.push(ctx.store.streams.commitDelivery('dd1', { generation, cursor: 10 + i, delivered: 1, at: 1000 + i * 10 }));
        writes.push(ctx.store.streams.recordFailure('dd1', 1005 + i * 10));
      }
      await Promise.all(writes);
      expect(await get()).toMatchObject({ cursor: 30, delivered: 20, failingSince: 1205, lastErrorAt: 1205 });
      const suspended = ctx.store.streams.setStatus('dd1', 'suspended', 'Failing too long.', 1300);
      const late = ctx.store.streams.commitDelivery('dd1', { generation, cursor: 31, delivered: 1, at: 1310 });
      await Promise.all([suspended, late]);
      expect(await get()).toMatchObject({ cursor: 31, suspendedReason: 'Failing too long.', failingSince: null });
    });

    it('addDeadLettered adds to the count', async () => {
      await ctx.store.streams.create(richStream(), 10, 1000);
      await ctx.store.streams.addDeadLettered('dd1', 3);
      await ctx.store.streams.addDeadLettered('dd1', 2);
      expect((await get())?.deadLettered).toBe(5);
      await expect(ctx.store.streams.addDeadLettered('missing', 1)).resolves.toBeUndefined();
    });
  });
}
