// The lease loop against a scripted lease table: claims up to the cap, sheds above it, drops taken leases, stops before a lapse when heartbeats fail.
import type { LeaseHeartbeat, Logger, StreamLease, StreamLeases } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { createLeaseCoordinator, type LossReason } from '../src/lease-coordinator.js';

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

/** Waits (polling) until `check` holds or the deadline passes. */
async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('The condition was not met in time.');
    await new Promise((r) => setTimeout(r, 5));
  }
}

function fakeLeases(free: string[]) {
  const state = { cap: 3, failing: false, held: new Map<string, number>(), versions: new Map<string, string>(), released: [] as string[], beats: 0 };
  let next = 1;
  const leases: StreamLeases = {
    async heartbeat(): Promise<LeaseHeartbeat> {
      state.beats++;
      if (state.failing) throw new Error('connection lost');
      const leases = [...state.held].map(([streamId, generation]) => ({ streamId, generation, version: state.versions.get(streamId) ?? 'v0' }));
      return { leases, cap: state.cap, runners: 1, streams: 6 };
    },
    async claim(_id, max): Promise<StreamLease[]> {
      const got = free.splice(0, max).map((streamId) => ({ streamId, generation: next++, version: 'v0' }));
      for (const l of got) state.held.set(l.streamId, l.generation);
      return got;
    },
    async release(_id, ids = [...state.held.keys()]) {
      for (const id of ids) state.held.delete(id);
      state.released.push(...ids);
    },
    async leave() {},
    async runners() {
      return [];
    },
  };
  return { leases, state };
}

function hooksLog() {
  const running = new Set<string>();
  const losses: Array<[string, LossReason, number]> = [];
  const changes: string[] = [];
  return {
    running,
    losses,
    changes,
    hooks: {
      gained: async (l: StreamLease) => void running.add(l.streamId),
      lost: async (id: string, reason: LossReason) => {
        running.delete(id);
        losses.push([id, reason, performance.now()]);
      },
      changed: async (id: string) => void changes.push(id),
    },
  };
}

const settings = { runner: { id: 'r1', host: 'h', pid: 1 }, heartbeatInterval: 20, ttl: 400, margin: 150 };

describe('lease coordinator', () => {
  it('claims up to the cap, sheds (stop first, then release) when the cap drops, and drops a lease taken over', async () => {
    const { leases, state } = fakeLeases(['a', 'b', 'c', 'd', 'e']);
    const log = hooksLog();
    const c = createLeaseCoordinator(leases, settings, log.hooks, silent);
    await c.start();
    expect([...log.running].sort()).toEqual(['a', 'b', 'c']);
    expect(c.generation('b')).toBe(2);
    state.cap = 2;
    await until(() => state.released.length === 1);
    expect(state.released).toEqual(['c']);
    expect(log.losses.map(([id, why]) => [id, why])).toEqual([['c', 'shed']]);
    state.held.delete('a'); // another runner took `a` over after a lapse: our heartbeat no longer returns it
    await until(() => log.losses.length === 2);
    expect(log.losses[1]?.slice(0, 2)).toEqual(['a', 'taken']);
    // Below the cap again: it claims the next free stream.
    await until(() => log.running.has('d'));
    expect([...log.running].sort()).toEqual(['b', 'd']);
    // A change made through another runner moves the stream's version: its worker is rebuilt, once.
    expect(log.changes).toEqual([]);
    state.versions.set('b', 'v1');
    await until(() => log.changes.length > 0);
    const beats = state.beats;
    await until(() => state.beats >= beats + 2);
    expect(log.changes).toEqual(['b']);
    await c.stop();
  });

  it('stops every stream ttl − margin after the last good heartbeat when heartbeats fail, before the lease could lapse', async () => {
    const { leases, state } = fakeLeases(['a', 'b']);
    const log = hooksLog();
    const c = createLeaseCoordinator(leases, settings, log.hooks, silent);
    await c.start();
    expect(log.running.size).toBe(2);
    const beatsBefore = state.beats;
    state.failing = true;
    const failedFrom = performance.now();
    await until(() => log.running.size === 0, 2_000);
    const stoppedAfter = (log.losses[0]?.[2] ?? Infinity) - failedFrom;
    expect(log.losses.every(([, why]) => why === 'lapsed')).toBe(true);
    // Not before ttl − margin − one interval (the last good beat may be up to an interval old), and before the ttl.
    expect(stoppedAfter).toBeGreaterThanOrEqual(settings.ttl - settings.margin - settings.heartbeatInterval - 5);
    expect(stoppedAfter).toBeLessThan(settings.ttl);
    expect(state.beats).toBeGreaterThan(beatsBefore);
    await c.stop();
  });

  it('runs a heartbeat at once when nudged, and nudges arriving meanwhile share one heartbeat', async () => {
    const { leases, state } = fakeLeases(['a']);
    const slow = { ...settings, heartbeatInterval: 60_000, ttl: 120_000, margin: 1000 };
    const log = hooksLog();
    const c = createLeaseCoordinator(leases, slow, log.hooks, silent);
    await c.start();
    expect(state.beats).toBe(1);
    // A change through another runner (the control channel, ADR 0020): seen by the next heartbeat, run now.
    state.versions.set('a', 'v1');
    const started = Date.now();
    for (let i = 0; i < 50; i++) c.nudge();
    await until(() => log.changes.length === 1, 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    // The first nudge queued a heartbeat; the 49 others, made before it started, were answered by it.
    await new Promise((r) => setTimeout(r, 50));
    expect(state.beats).toBe(2);
    expect(log.changes).toEqual(['a']);
    await c.stop();
    c.nudge();
    await new Promise((r) => setTimeout(r, 20));
    expect(state.beats).toBe(2);
  });
});
