// Runs one delivery scenario end to end: sink, runner and load generator processes, CPU and RSS of the runner.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { compileFilter, type StreamFilter } from '@outflow/core';
import { LOADGEN_SCRIPT, SINK_SCRIPT, type BenchContext } from './context.js';
import { forkChild, wallNow } from './ipc.js';
import type { LoadReport, LoadSetup } from './loadgen-types.js';
import { cpuSeconds, sampleMemory } from './proc-stats.js';
import { BENCH_TOKEN, startRunner } from './runner-process.js';
import type { SinkDoneNotice, SinkReport } from './sink-types.js';

export interface DeliverySpec {
  name: string;
  streams: Array<{ name: string; filters: StreamFilter[] }>;
  events: number;
  mode: LoadSetup['mode'];
  batch: number;
  concurrency: number;
  intervalMs: number;
  trackArrivals: boolean;
  /** Give up when no new delivery arrived for this long. */
  stallMs: number;
}

export interface DeliveryRun {
  load: LoadReport;
  sink: SinkReport;
  expected: number[];
  expectedTotal: number;
  /** First send → last expected delivery (or last ack without streams), ms. */
  elapsedMs: number;
  runnerCpuSec: number;
  /** CPU seconds the sink and the load generator used meanwhile (they share the machine). */
  helperCpuSec: number;
  peakRss: number;
  complete: boolean;
  problems: string[];
}

export function expectedCounts(types: readonly string[], events: number, streams: DeliverySpec['streams']): number[] {
  return streams.map((s) => {
    const f = compileFilter(s.filters);
    if (!f) return events;
    let n = 0;
    for (let i = 0; i < events; i++) if (f.matches(types[i] as string)) n++;
    return n;
  });
}

export async function waitDelivered(sink: ReturnType<typeof forkChild>, done: Promise<SinkDoneNotice>, stallMs: number): Promise<SinkDoneNotice | null> {
  let last = -1;
  let lastChange = Date.now();
  let finished: SinkDoneNotice | null = null;
  void done.then(
    (d) => (finished = d),
    () => undefined,
  );
  while (!finished) {
    await new Promise((ok) => setTimeout(ok, 200));
    if (finished) break;
    const p = await sink.request<{ uniqueTotal: number }>('progress');
    if (p.uniqueTotal !== last) {
      last = p.uniqueTotal;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > stallMs) return null;
  }
  return finished;
}

export async function runDelivery(ctx: BenchContext, spec: DeliverySpec): Promise<DeliveryRun> {
  const dir = mkdtempSync(join(ctx.tmp, `${spec.name}-`));
  const expected = expectedCounts(ctx.workload.types, spec.events, spec.streams);
  const expectedTotal = expected.reduce((a, b) => a + b, 0);
  const sink = forkChild(SINK_SCRIPT);
  const loadgen = forkChild(LOADGEN_SCRIPT);
  let runner: Awaited<ReturnType<typeof startRunner>> | undefined;
  try {
    const { port } = await sink.request<{ port: number }>('setup', {
      streams: spec.streams,
      events: spec.events,
      types: ctx.workload.types.slice(0, spec.events),
      expectedTotal,
      trackArrivals: spec.trackArrivals,
    });
    const t = Date.now();
    runner = await startRunner({
      main: ctx.runnerMain,
      dir,
      store: ctx.store,
      profileDir: ctx.profileDir,
      streams: spec.streams.map((s) => ({ ...s, endpoint: `http://127.0.0.1:${port}/s/${encodeURIComponent(s.name)}` })),
    });
    ctx.log(`  runner ${runner.pid} up in ${Date.now() - t} ms at ${runner.url}`);
    await loadgen.request('setup', {
      url: runner.url,
      token: BENCH_TOKEN,
      file: ctx.workload.file,
      events: spec.events,
      batch: spec.batch,
      mode: spec.mode,
      concurrency: spec.concurrency,
      intervalMs: spec.intervalMs,
    } satisfies LoadSetup);
    const done = expectedTotal > 0 ? sink.once<SinkDoneNotice>('done', 3_600_000) : Promise.resolve(null);
    const cpu0 = cpuSeconds(runner.pid);
    const helpers0 = cpuSeconds(sink.pid) + cpuSeconds(loadgen.pid);
    const mem = sampleMemory(runner.pid);
    const load = await loadgen.request<LoadReport>('run');
    ctx.log(`  load sent: ${load.acked} events acked in ${Math.round(load.lastAckAt - load.startedAt)} ms, ${load.errors} errors`);
    const delivered = expectedTotal > 0 ? await waitDelivered(sink, done as Promise<SinkDoneNotice>, spec.stallMs) : null;
    const cpu1 = cpuSeconds(runner.pid);
    const helperCpuSec = cpuSeconds(sink.pid) + cpuSeconds(loadgen.pid) - helpers0;
    const peakRss = mem.stop();
    const report = await sink.request<SinkReport>('report');
    const problems: string[] = [];
    if (load.errors) problems.push(`${load.errors} ingest requests failed: ${load.firstError}`);
    if (load.acked !== spec.events) problems.push(`${load.acked} of ${spec.events} events acknowledged`);
    if (expectedTotal > 0 && !delivered) problems.push(`delivery stalled at ${report.uniqueTotal} of ${expectedTotal} deliveries`);
    report.streams.forEach((s, i) => {
      const want = expected[i] as number;
      if (s.unique !== want || s.unexpected || s.unknown) {
        problems.push(`stream ${s.name}: ${s.unique} distinct of ${want} expected, ${s.unexpected} not matching its filter, ${s.unknown} unknown`);
      }
    });
    const endAt = delivered ? delivered.at : expectedTotal > 0 ? (report.lastAt ?? wallNow()) : load.lastAckAt;
    if (problems.length) ctx.log(`  problems: ${problems.slice(0, 5).join('; ')}`);
    return {
      load,
      sink: report,
      expected,
      expectedTotal,
      elapsedMs: endAt - load.startedAt,
      runnerCpuSec: cpu1 - cpu0,
      helperCpuSec,
      peakRss,
      complete: problems.length === 0,
      problems,
    };
  } catch (err) {
    if (runner) ctx.log(`  runner output:\n${runner.tail()}`);
    throw err;
  } finally {
    const code = await runner?.stop();
    if (code) ctx.log(`  runner exited with code ${code}`);
    await loadgen.stop();
    await sink.stop();
    if (!ctx.keep) rmSync(dir, { recursive: true, force: true });
  }
}
