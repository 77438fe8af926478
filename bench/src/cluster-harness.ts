// `--runners N`: one delivery run on N runner processes sharing one store (a PostgreSQL schema), load spread over them, CPU summed.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { BENCH_PG_URL, type BenchStoreKind, runnerStore } from './bench-store.js';
import { LOADGEN_SCRIPT, SINK_SCRIPT, type BenchContext } from './context.js';
import { expectedCounts, waitDelivered, type DeliverySpec } from './harness.js';
import { forkChild } from './ipc.js';
import type { LoadReport, LoadSetup } from './loadgen-types.js';
import { cpuSeconds, sampleMemory } from './proc-stats.js';
import { BENCH_TOKEN, startRunner, type RunnerHandle } from './runner-process.js';
import type { SinkDoneNotice, SinkReport } from './sink-types.js';

export interface ClusterRun {
  store: BenchStoreKind;
  runners: number;
  streams: number;
  events: number;
  /** Events acknowledged per second, first send → last acknowledgement. */
  ingestPerSec: number;
  /** Distinct deliveries per second, first send → last expected delivery. */
  deliveriesPerSec: number;
  /** CPU seconds of every runner together per million events ingested. */
  cpuSecPerM: number;
  /** Streams held per runner once the leases settled (PostgreSQL), e.g. "2/1/1". */
  spread: string;
  complete: boolean;
  problems: string[];
}

/** Waits until every stream is leased and no runner holds more than ⌈streams ÷ runners⌉; returns the spread. */
async function settledSpread(schema: string, streams: number, runners: number): Promise<string> {
  const client = new pg.Client({ connectionString: BENCH_PG_URL });
  await client.connect();
  try {
    const cap = Math.ceil(streams / runners);
    for (const until = Date.now() + 60_000; ; ) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${schema}.stream_leases WHERE expires_at > now() GROUP BY runner_id ORDER BY 1 DESC`,
      );
      const held = rows.map((r) => r.n);
      const total = held.reduce((a, b) => a + b, 0);
      if ((total === streams && (held[0] ?? 0) <= cap) || Date.now() > until) return held.join('/');
      await new Promise((ok) => setTimeout(ok, 200));
    }
  } finally {
    await client.end();
  }
}

export async function runCluster(ctx: BenchContext, spec: DeliverySpec, kind: BenchStoreKind, runners: number): Promise<ClusterRun> {
  const dir = mkdtempSync(join(ctx.tmp, `${spec.name}-${kind}-${runners}-`));
  const expected = expectedCounts(ctx.workload.types, spec.events, spec.streams);
  const expectedTotal = expected.reduce((a, b) => a + b, 0);
  const store = runnerStore(kind, dir, undefined, process.env.OUTFLOW_BENCH_STORE ? (JSON.parse(process.env.OUTFLOW_BENCH_STORE) as object) : {});
  const sink = forkChild(SINK_SCRIPT);
  const loadgen = forkChild(LOADGEN_SCRIPT);
  const handles: RunnerHandle[] = [];
  try {
    const { port } = await sink.request<{ port: number }>('setup', {
      streams: spec.streams,
      events: spec.events,
      types: ctx.workload.types.slice(0, spec.events),
      expectedTotal,
      trackArrivals: false,
    });
    const streams = spec.streams.map((s) => ({ ...s, endpoint: `http://127.0.0.1:${port}/s/${encodeURIComponent(s.name)}` }));
    // One after the other: each start writes the config's streams.
    for (let i = 1; i <= runners; i++) {
      const rdir = mkdtempSync(join(dir, `r${i}-`));
      handles.push(await startRunner({ main: ctx.runnerMain, dir: rdir, store: kind, sharedStore: store, runnerId: `bench-r${i}`, streams }));
    }
    const schema = (store.config as { postgres?: { schema: string } }).postgres?.schema;
    const spread = schema ? await settledSpread(schema, streams.length, runners) : String(streams.length);
    ctx.log(`  ${runners} ${kind} runner(s) up; streams per runner ${spread}`);
    await loadgen.request('setup', {
      url: handles[0]?.url as string,
      urls: handles.map((h) => h.url),
      token: BENCH_TOKEN,
      file: ctx.workload.file,
      events: spec.events,
      batch: spec.batch,
      mode: 'burst',
      concurrency: spec.concurrency,
      intervalMs: 0,
    } satisfies LoadSetup);
    const done = sink.once<SinkDoneNotice>('done', 3_600_000);
    const cpu0 = handles.reduce((n, h) => n + cpuSeconds(h.pid), 0);
    const mems = handles.map((h) => sampleMemory(h.pid));
    const load = await loadgen.request<LoadReport>('run');
    const delivered = await waitDelivered(sink, done, spec.stallMs);
    const cpu = handles.reduce((n, h) => n + cpuSeconds(h.pid), 0) - cpu0;
    for (const m of mems) m.stop();
    const report = await sink.request<SinkReport>('report');
    const problems: string[] = [];
    if (load.acked !== spec.events) problems.push(`${load.acked} of ${spec.events} events acknowledged (${load.errors} errors: ${load.firstError})`);
    if (!delivered) problems.push(`delivery stalled at ${report.uniqueTotal} of ${expectedTotal} deliveries`);
    const dups = report.streams.reduce((n, s) => n + s.duplicates, 0);
    if (dups) problems.push(`${dups} duplicate deliveries`);
    const endAt = delivered ? delivered.at : (report.lastAt ?? Date.now());
    return {
      store: kind,
      runners,
      streams: streams.length,
      events: spec.events,
      ingestPerSec: load.acked / ((load.lastAckAt - load.startedAt) / 1000),
      deliveriesPerSec: report.uniqueTotal / ((endAt - load.startedAt) / 1000),
      cpuSecPerM: cpu / (spec.events / 1e6),
      spread,
      complete: problems.length === 0 && report.uniqueTotal === expectedTotal,
      problems,
    };
  } catch (err) {
    for (const h of handles) ctx.log(`  runner output:\n${h.tail()}`);
    throw err;
  } finally {
    for (const h of handles.reverse()) await h.stop();
    await store.dispose();
    await loadgen.stop();
    await sink.stop();
    if (!ctx.keep) rmSync(dir, { recursive: true, force: true });
  }
}
