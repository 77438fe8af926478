// A scenario's result: its headline figure against the target, the ratios to the floor, cost and checks.
import type { BenchContext } from './context.js';
import type { DeliveryRun } from './harness.js';

export interface Target {
  op: '>=' | '<=';
  value: number;
}

export interface ScenarioResult {
  id: string;
  title: string;
  /** Headline figure, e.g. events/s, ms, MB. */
  value: number;
  unit: string;
  target: Target;
  pass: boolean;
  /** Headline rate ÷ the JSON.parse floor (rate scenarios only). */
  rateVsFloor: number | null;
  events: number;
  deliveries: number;
  elapsedMs: number;
  runnerCpuSec: number;
  /** Runner CPU seconds per million events ingested. */
  cpuSecPerM: number | null;
  /** Runner CPU per event ÷ JSON.parse CPU per event. */
  cpuVsFloor: number | null;
  peakRssMB: number;
  /** Every event acknowledged, and every stream got exactly its events (by log_id). */
  complete: boolean;
  problems: string[];
  duplicates: number;
  extra: Record<string, number | string>;
}

export const meets = (value: number, t: Target): boolean => (t.op === '>=' ? value >= t.value : value <= t.value);
export const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** A result whose headline is a rate over `run.elapsedMs` of `count` events or deliveries. */
export function rateResult(
  ctx: BenchContext,
  run: DeliveryRun,
  r: { id: string; title: string; count: number; unit: string; target: Target; events: number },
): ScenarioResult {
  const value = r.count / (run.elapsedMs / 1000);
  const cpuSecPerM = run.runnerCpuSec / (r.events / 1e6);
  return {
    id: r.id,
    title: r.title,
    value,
    unit: r.unit,
    target: r.target,
    pass: run.complete && meets(value, r.target),
    rateVsFloor: value / ctx.floor.eventsPerSec,
    events: r.events,
    deliveries: run.sink.uniqueTotal,
    elapsedMs: run.elapsedMs,
    runnerCpuSec: run.runnerCpuSec,
    cpuSecPerM,
    cpuVsFloor: cpuSecPerM / ctx.floor.cpuSecPerM,
    peakRssMB: mb(run.peakRss),
    complete: run.complete,
    problems: run.problems,
    duplicates: run.sink.streams.reduce((n, s) => n + s.duplicates, 0),
    extra: { sinkBusyMs: run.sink.busyMs, sinkAndLoadgenCpuSec: Math.round(run.helperCpuSec * 100) / 100, requests: run.load.requests },
  };
}
