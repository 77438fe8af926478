// Stream leases with three store instances on one schema: cap, claim races, expiry, release, rebalance and fencing of cursor commits.
import { isStaleLeaseError, type Store } from '@outflow/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../src/index.js';
import { PG_URL, dropSchemas, freshSchema, query, requirePostgres } from '../src/testing.js';

beforeAll(requirePostgres);
afterAll(dropSchemas);

let open: Store[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

const TTL = 10_000;
const runner = (id: string) => ({ id, host: 'test', pid: 1 });

async function stores(n: number, streams: number): Promise<{ stores: Store[]; schema: string }> {
  const schema = freshSchema();
  const list: Store[] = [];
  for (let i = 0; i < n; i++) list.push(await openPostgresStore({ url: PG_URL, schema, poolSize: 3 }));
  open.push(...list);
  const first = list[0] as Store;
  for (let i = 0; i < streams; i++) {
    const id = `s${String(i).padStart(3, '0')}`;
    await first.streams.create(
      { id, tenant: 'acme', name: id, type: 'console', status: 'active', sink: {}, filters: [], isPriority: false, managedBy: 'api' },
      0,
      1,
    );
  }
  return { stores: list, schema };
}

const leasesOf = (s: Store) => {
  if (!s.leases) throw new Error('The PostgreSQL store has leases.');
  return s.leases;
};

/** Makes a lease expire now by the database's clock. */
const expire = (schema: string, runnerId: string) =>
  query(`UPDATE ${schema}.stream_leases SET expires_at = now() - interval '1 second' WHERE runner_id = $1`, [runnerId]).then(() =>
    query(`UPDATE ${schema}.runners SET expires_at = now() - interval '1 second' WHERE id = $1`, [runnerId]),
  );

describe('stream leases', () => {
  it('caps each runner at ⌈streams ÷ live runners⌉, and concurrent claims never share a stream', async () => {
    const {
      stores: [a, b, c],
    } = await stores(3, 31);
    const all = [a, b, c].map((s) => leasesOf(s as Store));
    const beats = await Promise.all(all.map((l, i) => l.heartbeat(runner(`r${i}`), TTL)));
    // The last heartbeat sees all three runners.
    const latest = await all[0]?.heartbeat(runner('r0'), TTL);
    expect(latest).toMatchObject({ runners: 3, streams: 31, cap: 11 });
    expect(beats.every((h) => h.leases.length === 0)).toBe(true);
    const claimed = await Promise.all(all.map((l, i) => l.claim(`r${i}`, 11, TTL)));
    const ids = claimed.flat().map((l) => l.streamId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const got of claimed) expect(got.length).toBeLessThanOrEqual(11);
    // What is left is claimed on the next round; no stream ends up with two owners.
    const held = claimed.map((c) => c.length);
    const more = await Promise.all(all.map((l, i) => l.claim(`r${i}`, 11 - (held[i] ?? 0), TTL)));
    const every = [...claimed.flat(), ...more.flat()].map((l) => l.streamId);
    expect(new Set(every).size).toBe(31);
    expect(every.length).toBe(31);
    const listed = await all[1]?.runners();
    expect(listed?.map((r) => r.streams.length).reduce((x, y) => x + y, 0)).toBe(31);
    for (const r of listed ?? []) expect(r.streams.length).toBeLessThanOrEqual(11);
  });

  it('gives every claim a greater generation, renews held leases, and lets an expired lease be taken over', async () => {
    const {
      stores: [a, b],
      schema,
    } = await stores(2, 2);
    const [la, lb] = [leasesOf(a as Store), leasesOf(b as Store)];
    await la.heartbeat(runner('a'), TTL);
    const first = await la.claim('a', 2, TTL);
    expect(first.map((l) => l.streamId)).toEqual(['s000', 's001']);
    expect(await lb.claim('b', 2, TTL)).toEqual([]);
    const renewed = await la.heartbeat(runner('a'), TTL);
    expect(renewed.leases.sort((x, y) => x.streamId.localeCompare(y.streamId))).toEqual(first);
    await expire(schema, 'a');
    const taken = await lb.claim('b', 2, TTL);
    expect(taken.map((l) => l.streamId)).toEqual(['s000', 's001']);
    for (const [i, t] of taken.entries()) expect(t.generation).toBeGreaterThan(first[i]?.generation ?? Infinity);
    // The lapsed runner's heartbeat no longer returns them.
    expect((await la.heartbeat(runner('a'), TTL)).leases).toEqual([]);
  });

  it('release hands streams over at once; leave also ends membership', async () => {
    const {
      stores: [a, b],
    } = await stores(2, 4);
    const [la, lb] = [leasesOf(a as Store), leasesOf(b as Store)];
    await la.heartbeat(runner('a'), TTL);
    expect(await la.claim('a', 4, TTL)).toHaveLength(4);
    await la.release('a', ['s001']);
    expect((await lb.claim('b', 4, TTL)).map((l) => l.streamId)).toEqual(['s001']);
    await lb.heartbeat(runner('b'), TTL);
    expect((await lb.runners()).map((r) => r.id)).toEqual(['a', 'b']);
    await la.leave('a');
    expect((await lb.runners()).map((r) => r.id)).toEqual(['b']);
    expect((await lb.claim('b', 4, TTL)).map((l) => l.streamId)).toEqual(['s000', 's002', 's003']);
    expect((await lb.heartbeat(runner('b'), TTL)).cap).toBe(4);
  });

  it('lowers the cap when a runner joins, so the holder sheds; drops leases of paused streams', async () => {
    const {
      stores: [a, b],
    } = await stores(2, 6);
    const [la, lb] = [leasesOf(a as Store), leasesOf(b as Store)];
    expect((await la.heartbeat(runner('a'), TTL)).cap).toBe(6);
    await la.claim('a', 6, TTL);
    await lb.heartbeat(runner('b'), TTL);
    const after = await la.heartbeat(runner('a'), TTL);
    expect(after).toMatchObject({ cap: 3, runners: 2 });
    expect(after.leases).toHaveLength(6);
    await (a as Store).streams.setStatus('s002', 'paused', null, 2);
    const paused = await la.heartbeat(runner('a'), TTL);
    expect(paused.leases.map((l) => l.streamId)).not.toContain('s002');
    expect(paused.leases).toHaveLength(5);
    // A patch or a replay through any runner moves the lease's version; a heartbeat alone does not.
    const version = (h: { leases: Array<{ streamId: string; version?: string }> }) => h.leases.find((l) => l.streamId === 's001')?.version;
    const v0 = version(paused);
    expect(version(await la.heartbeat(runner('a'), TTL))).toBe(v0);
    await (b as Store).streams.update('s001', { name: 'renamed' }, 3);
    const v1 = version(await la.heartbeat(runner('a'), TTL));
    expect(v1).not.toBe(v0);
    await (b as Store).streams.setCursor('s001', 0);
    expect(version(await la.heartbeat(runner('a'), TTL))).not.toBe(v1);
    expect(await lb.claim('b', 3, TTL)).toEqual([]);
  });

  it('fences cursor commits: only the current lease generation moves the cursor, a stale one gets StaleLeaseError', async () => {
    const {
      stores: [a, b],
      schema,
    } = await stores(2, 1);
    const [la, lb] = [leasesOf(a as Store), leasesOf(b as Store)];
    await la.heartbeat(runner('a'), TTL);
    const [old] = await la.claim('a', 1, TTL);
    if (!old) throw new Error('a claimed s000');
    expect(
      await (a as Store).streams.commitDelivery('s000', {
        generation: 0,
        cursor: 5,
        delivered: 5,
        at: 2,
        lease: { runnerId: 'a', generation: old.generation },
      }),
    ).toBe(true);
    await expire(schema, 'a');
    const [fresh] = await lb.claim('b', 1, TTL);
    if (!fresh) throw new Error('b took s000 over');
    const stale = (a as Store).streams.commitDelivery('s000', {
      generation: 0,
      cursor: 9,
      delivered: 4,
      at: 3,
      lease: { runnerId: 'a', generation: old.generation },
    });
    await expect(stale).rejects.toSatisfy(isStaleLeaseError);
    // A stale commit moving the cursor backwards is refused the same way.
    const back = (a as Store).streams.commitDelivery('s000', {
      generation: 0,
      cursor: 1,
      delivered: 0,
      at: 3,
      lease: { runnerId: 'a', generation: old.generation },
    });
    await expect(back).rejects.toSatisfy(isStaleLeaseError);
    expect((await (b as Store).streams.get('s000'))?.state.cursor).toBe(5);
    expect(
      await (b as Store).streams.commitDelivery('s000', {
        generation: 0,
        cursor: 8,
        delivered: 3,
        at: 4,
        lease: { runnerId: 'b', generation: fresh.generation },
      }),
    ).toBe(true);
    // A replay's generation still wins over the lease check's success: false, not an error.
    await (b as Store).streams.setCursor('s000', 2);
    expect(
      await (b as Store).streams.commitDelivery('s000', {
        generation: 0,
        cursor: 9,
        delivered: 1,
        at: 5,
        lease: { runnerId: 'b', generation: fresh.generation },
      }),
    ).toBe(false);
    expect((await (b as Store).streams.get('s000'))?.state).toMatchObject({ cursor: 2, delivered: 8 });

    // Dead letters, their count and health records are fenced the same way.
    const letter = { streamId: 's000', tenant: 'acme', seq: 3, logId: 'l3', type: 'f', raw: '{}', at: 6, errorKind: 'permanent', message: 'refused' };
    const record = { streamId: 's000', tenant: 'acme', at: 6, kind: 'dead_lettered' as const, message: 'moved' };
    const staleFence = { runnerId: 'a', generation: old.generation };
    const fence = { runnerId: 'b', generation: fresh.generation };
    await expect((a as Store).deadLetters.add([letter], staleFence)).rejects.toSatisfy(isStaleLeaseError);
    await expect((a as Store).streams.addDeadLettered('s000', 1, staleFence)).rejects.toSatisfy(isStaleLeaseError);
    await expect((a as Store).health.append(record, staleFence)).rejects.toSatisfy(isStaleLeaseError);
    // So are per-minute stats, failed rounds and suspension.
    await expect((a as Store).stats.add('s000', 6, { failed: 3, failedRounds: 1 }, staleFence)).rejects.toSatisfy(isStaleLeaseError);
    await expect((a as Store).streams.recordFailure('s000', 6, staleFence)).rejects.toSatisfy(isStaleLeaseError);
    await expect((a as Store).streams.setStatus('s000', 'suspended', 'stale', 6, staleFence)).rejects.toSatisfy(isStaleLeaseError);
    expect(await (b as Store).stats.totals('s000')).toMatchObject({ failed: 0, failedRounds: 0 });
    expect((await (b as Store).streams.get('s000'))?.status).toBe('active');
    expect((await (b as Store).streams.get('s000'))?.state.failingSince ?? null).toBeNull();
    expect((await (b as Store).streams.recordFailure('s000', 7, fence))?.state.failingSince).toBe(7);
    await (b as Store).stats.add('s000', 7, { failed: 2, failedRounds: 1 }, fence);
    expect(await (b as Store).stats.totals('s000')).toMatchObject({ failed: 2, failedRounds: 1 });
    expect((await (b as Store).streams.setStatus('s000', 'suspended', 'fresh', 8, fence))?.status).toBe('suspended');
    expect(await (b as Store).deadLetters.count('s000')).toBe(0);
    expect(await (b as Store).health.list('s000')).toEqual([]);
    await (b as Store).deadLetters.add([letter], fence);
    await (b as Store).streams.addDeadLettered('s000', 1, fence);
    await (b as Store).health.append(record, fence);
    expect(await (b as Store).deadLetters.count('s000')).toBe(1);
    expect((await (b as Store).streams.get('s000'))?.state.deadLettered).toBe(1);
    expect((await (b as Store).health.list('s000')).map((h) => h.message)).toEqual(['moved']);
  });
});
