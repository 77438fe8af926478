// Scenarios 1, 2 and 6: one stream, four streams (fan-out) and ingest only, 500-event NDJSON batches.
import type { BenchContext } from '../context.js';
import { runDelivery } from '../harness.js';
import { rateResult, type ScenarioResult } from '../result.js';

const burst = (ctx: BenchContext) => ({
  events: ctx.sizes.events,
  mode: 'burst' as const,
  batch: ctx.sizes.batch,
  concurrency: ctx.sizes.concurrency,
  intervalMs: 0,
  trackArrivals: false,
  stallMs: 30_000,
});

export async function oneStream(ctx: BenchContext): Promise<ScenarioResult> {
  const run = await runDelivery(ctx, { ...burst(ctx), name: 'one-stream', streams: [{ name: 'webhook', filters: [] }] });
  return rateResult(ctx, run, {
    id: 'one-stream',
    title: '1 stream throughput',
    count: ctx.sizes.events,
    unit: 'events/s',
    events: ctx.sizes.events,
    target: { op: '>=', value: 120_000 },
  });
}

export async function fanOut(ctx: BenchContext): Promise<ScenarioResult> {
  const streams = [1, 2, 3, 4].map((i) => ({ name: `webhook-${i}`, filters: [] }));
  const run = await runDelivery(ctx, { ...burst(ctx), name: 'fan-out', streams });
  return rateResult(ctx, run, {
    id: 'fan-out',
    title: '4 streams fan-out',
    count: ctx.sizes.events * 4,
    unit: 'deliveries/s',
    events: ctx.sizes.events,
    target: { op: '>=', value: 400_000 },
  });
}

export async function ingestOnly(ctx: BenchContext): Promise<ScenarioResult> {
  const run = await runDelivery(ctx, { ...burst(ctx), name: 'ingest-only', streams: [] });
  const result = rateResult(ctx, run, {
    id: 'ingest-only',
    title: 'ingest only (no streams)',
    count: ctx.sizes.events,
    unit: 'events/s',
    events: ctx.sizes.events,
    target: { op: '>=', value: 0.6 * ctx.floor.eventsPerSec },
  });
  return { ...result, deliveries: 0 };
}
