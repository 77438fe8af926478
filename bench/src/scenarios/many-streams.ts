// Scenario 4: 1,000 streams with mixed category filters (some unfiltered): the runner's peak RSS and deliveries/s.
import { CATEGORIES, type Category, type StreamFilter } from '@outflow/core';
import type { BenchContext } from '../context.js';
import { runDelivery } from '../harness.js';
import { rateResult, type ScenarioResult } from '../result.js';

/** Filter sets SIEM-style streams use, most on one or two categories. */
const SETS: ReadonlyArray<readonly Category[]> = [
  ['auth.login.fail'],
  ['auth.login.success'],
  ['management.success'],
  ['user.success'],
  ['auth.login.fail', 'auth.signup.fail'],
  ['management.fail', 'management.success'],
  ['auth.logout.success', 'auth.logout.fail'],
  ['user.fail', 'user.notification'],
  ['auth.token_exchange.fail'],
  ['system.notification'],
  ['actions'],
  ['scim.event'],
  ['auth.silent_auth.fail'],
  ['auth.signup.success', 'auth.signup.fail'],
  ['auth.login.notification', 'user.notification'],
  ['other'],
];

/** Stream i's filters: every 25th stream unfiltered, every 10th a single type code, the rest category sets. */
export function manyStreamFilters(i: number): StreamFilter[] {
  if (i % 25 === 0) return [];
  if (i % 10 === 3) return [{ type: 'type', name: ['fp', 'sapi', 'f', 'slo'][i % 4] as string }];
  const set = SETS[i % SETS.length] as readonly Category[];
  return i % 7 === 0
    ? [...set, CATEGORIES[(i >> 3) % CATEGORIES.length] as Category].map((name) => ({ type: 'category', name }))
    : set.map((name) => ({ type: 'category', name }));
}

export async function manyStreams(ctx: BenchContext): Promise<ScenarioResult> {
  const { streams: count, events } = ctx.sizes.many;
  const streams = Array.from({ length: count }, (_, i) => ({ name: `s${String(i).padStart(4, '0')}`, filters: manyStreamFilters(i) }));
  const run = await runDelivery(ctx, {
    name: 'many-streams',
    streams,
    events,
    mode: 'burst',
    batch: ctx.sizes.batch,
    concurrency: ctx.sizes.concurrency,
    intervalMs: 0,
    trackArrivals: false,
    stallMs: 60_000,
  });
  const r = rateResult(ctx, run, {
    id: 'many-streams',
    title: `${count.toLocaleString('en-US')} streams, peak RSS`,
    count: run.expectedTotal,
    unit: 'deliveries/s',
    events,
    target: { op: '>=', value: 0 },
  });
  const target = { op: '<=' as const, value: 300 };
  return {
    ...r,
    value: r.peakRssMB,
    unit: 'MB',
    target,
    pass: run.complete && r.peakRssMB <= target.value,
    extra: {
      ...r.extra,
      deliveriesPerSec: Math.round(r.value),
      deliveriesVsFloor: Math.round((r.rateVsFloor ?? 0) * 100) / 100,
      streams: count,
      expectedDeliveries: run.expectedTotal,
    },
    rateVsFloor: r.rateVsFloor,
  };
}
