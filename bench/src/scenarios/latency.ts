// Scenario 3: a steady 2,000 events/s for 30 s; latency from ingest acknowledgement to arrival at the sink.
import type { BenchContext } from '../context.js';
import { runDelivery } from '../harness.js';
import { mb, meets, type ScenarioResult } from '../result.js';

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

export async function latency(ctx: BenchContext): Promise<ScenarioResult> {
  const { eventsPerSec, seconds, batch } = ctx.sizes.latency;
  const events = eventsPerSec * seconds;
  const run = await runDelivery(ctx, {
    name: 'latency',
    streams: [{ name: 'webhook', filters: [] }],
    events,
    mode: 'paced',
    batch,
    intervalMs: (1000 * batch) / eventsPerSec,
    concurrency: 16,
    trackArrivals: true,
    stallMs: 30_000,
  });
  const acks = run.load.ackTimes ?? new Float64Array(0);
  const arrivals = run.sink.arrivals ?? new Float64Array(0);
  const lat: number[] = [];
  let early = 0;
  for (let i = 0; i < events; i++) {
    const ack = acks[i] as number;
    const at = arrivals[i] as number;
    if (!ack || !at) continue;
    const d = at - ack;
    if (d < 0) early++;
    lat.push(Math.max(0, d));
  }
  const sorted = Float64Array.from(lat).sort();
  const p50 = percentile(sorted, 50);
  const p95 = percentile(sorted, 95);
  const p99 = percentile(sorted, 99);
  const target = { op: '<=' as const, value: 100 };
  const cpuSecPerM = run.runnerCpuSec / (events / 1e6);
  return {
    id: 'latency',
    title: `latency at ${eventsPerSec.toLocaleString('en-US')}/s (p99)`,
    value: p99,
    unit: 'ms',
    target,
    pass: run.complete && meets(p99, target) && p50 <= 20,
    rateVsFloor: null,
    events,
    deliveries: run.sink.uniqueTotal,
    elapsedMs: run.elapsedMs,
    runnerCpuSec: run.runnerCpuSec,
    cpuSecPerM,
    cpuVsFloor: cpuSecPerM / ctx.floor.cpuSecPerM,
    peakRssMB: mb(run.peakRss),
    complete: run.complete,
    problems: run.problems,
    duplicates: run.sink.streams.reduce((n, s) => n + s.duplicates, 0),
    extra: {
      p50Ms: round(p50),
      p95Ms: round(p95),
      p99Ms: round(p99),
      maxMs: round(sorted[sorted.length - 1] ?? Number.NaN),
      samples: lat.length,
      arrivedBeforeAck: early,
      maxScheduleLagMs: round(run.load.maxScheduleLagMs),
      sinkBusyMs: run.sink.busyMs,
      sinkAndLoadgenCpuSec: round(run.helperCpuSec),
    },
  };
}

const round = (n: number) => Math.round(n * 10) / 10;
