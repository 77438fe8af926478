#!/usr/bin/env node
// `pnpm bench`: runs the scenarios against the real runner and prints and saves the results.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBenchArgs, SCENARIOS, type ScenarioId } from './args.js';
import { RUNNER_MAIN, type BenchContext } from './context.js';
import { writeBenchmarksDoc, type SavedProfile } from './docs-writer.js';
import { measureFloor } from './floor.js';
import { describeMachine, machineLine } from './machine.js';
import type { BenchOutput } from './output.js';
import { profileTable, summarizeProfiles, type ProfileSummary } from './profile-summary.js';
import { details, floorLine, resultsTable } from './report.js';
import type { ScenarioResult } from './result.js';
import { latency } from './scenarios/latency.js';
import { manyStreams } from './scenarios/many-streams.js';
import { replaySeek } from './scenarios/replay.js';
import { fanOut, ingestOnly, oneStream } from './scenarios/throughput.js';
import { FULL, QUICK } from './sizes.js';
import { buildWorkload } from './workload.js';
import { runClusterBench, clusterTable } from './cluster-bench.js';

const RUNS: Record<ScenarioId, (ctx: BenchContext) => Promise<ScenarioResult>> = {
  'one-stream': oneStream,
  'fan-out': fanOut,
  latency,
  'many-streams': manyStreams,
  'replay-seek': replaySeek,
  'ingest-only': ingestOnly,
};
const TITLES: Record<ScenarioId, string> = {
  'one-stream': '1 stream throughput',
  'fan-out': '4 streams fan-out',
  latency: 'latency',
  'many-streams': 'many streams',
  'replay-seek': 'replay seek',
  'ingest-only': 'ingest only',
};

const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const log = (m: string) => console.log(m);

function crashed(id: ScenarioId, err: unknown): ScenarioResult {
  const message = err instanceof Error ? err.message : String(err);
  return {
    id,
    title: TITLES[id],
    value: Number.NaN,
    unit: '',
    target: { op: '>=', value: Number.NaN },
    pass: false,
    rateVsFloor: null,
    events: 0,
    deliveries: 0,
    elapsedMs: Number.NaN,
    runnerCpuSec: Number.NaN,
    cpuSecPerM: null,
    cpuVsFloor: null,
    peakRssMB: Number.NaN,
    complete: false,
    problems: [`crashed: ${message.split('\n').slice(0, 8).join(' | ')}`],
    duplicates: 0,
    extra: {},
  };
}

async function main(): Promise<number> {
  const args = parseBenchArgs(process.argv.slice(2));
  const sizes = { ...(args.quick ? QUICK : FULL), ...(args.events ? { events: args.events } : {}) };
  if (args.runners.length > 0) return clusterMain(args.runners, sizes);
  const all = args.store === 'postgres' ? SCENARIOS.filter((s) => s !== 'replay-seek') : [...SCENARIOS];
  const selected = args.only.length ? SCENARIOS.filter((s) => args.only.includes(s)) : all;
  const machine = describeMachine();
  const started = Date.now();
  log(`Outflow bench${args.quick ? ' (quick)' : ''} on ${args.store}: ${selected.join(', ')}\nMachine: ${machineLine(machine)}`);
  const tmp = mkdtempSync(join(tmpdir(), 'outflow-bench-'));
  const results: ScenarioResult[] = [];
  const profiles: ProfileSummary[] = [];
  try {
    const needed = Math.max(
      sizes.events,
      ...(selected.includes('many-streams') ? [sizes.many.events] : []),
      ...(selected.includes('latency') ? [sizes.latency.eventsPerSec * sizes.latency.seconds] : []),
    );
    let t = Date.now();
    const workload = buildWorkload(tmp, needed);
    log(`Workload: ${needed.toLocaleString('en-US')} events, ${Math.round(workload.avgBytes)} B average, generated in ${Date.now() - t} ms.`);
    t = Date.now();
    const floor = measureFloor(workload.lines.slice(0, sizes.events));
    log(`${floorLine(floor, workload.avgBytes).replace(/\*\*/g, '')} (${floor.passes} passes, ${Date.now() - t} ms)`);
    for (const id of selected) {
      log(`\n▶ ${TITLES[id]}`);
      const profileDir = args.profile ? join(benchDir, 'results', 'profiles', id) : undefined;
      if (profileDir) {
        rmSync(profileDir, { recursive: true, force: true });
        mkdirSync(profileDir, { recursive: true });
      }
      const ctx: BenchContext = { runnerMain: RUNNER_MAIN, tmp, workload, floor, sizes, profileDir, keep: args.keep, store: args.store, log };
      let r: ScenarioResult;
      try {
        r = await RUNS[id](ctx);
      } catch (err) {
        r = crashed(id, err);
        log(`  ${r.problems[0]}`);
      }
      results.push(r);
      log(
        `  ${r.pass ? '✓' : '✗'} ${r.title}: ${Number.isFinite(r.value) ? Math.round(r.value * 10) / 10 : 'n/a'} ${r.unit}${r.complete ? '' : ' (INCOMPLETE)'}`,
      );
      if (profileDir) {
        const summaries = summarizeProfiles(profileDir).map((s) => ({ ...s, file: `${id}/${s.file}` }));
        profiles.push(...summaries);
        for (const s of summaries.slice(0, 1)) log(`\n${profileTable({ ...s, top: s.top.slice(0, 15) })}`);
      }
    }
    const table = resultsTable(results, floor);
    log(`\n${floorLine(floor, workload.avgBytes)}\n\n${table}\n\n${details(results)}`);
    const out: BenchOutput = {
      date: new Date().toISOString(),
      quick: args.quick,
      store: args.store,
      machine,
      floor,
      avgEventBytes: workload.avgBytes,
      results,
      profiledScenario: args.profile ? (selected.includes('one-stream') ? 'one-stream' : (selected[0] ?? null)) : null,
      profiles: args.profile ? [...profiles.filter((p) => p.file.startsWith('one-stream/')), ...profiles.filter((p) => !p.file.startsWith('one-stream/'))] : [],
      totalSec: Math.round((Date.now() - started) / 100) / 10,
    };
    const outFile = resolve(args.out ?? join(benchDir, 'results', args.store === 'sqlite' ? 'latest.json' : `latest-${args.store}.json`));
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, `${JSON.stringify(out, null, 1)}\n`);
    log(`\nResults: ${outFile} (${out.totalSec} s in all)`);
    const profileFile = join(benchDir, 'results', 'profile-summary.json');
    if (args.profile)
      writeFileSync(profileFile, `${JSON.stringify({ date: out.date, quick: args.quick, scenario: out.profiledScenario, profiles: out.profiles }, null, 1)}\n`);
    if (args.docs && !args.quick && args.store === 'sqlite' && selected.length === SCENARIOS.length) {
      const doc = join(benchDir, '..', 'docs', 'benchmarks.md');
      writeBenchmarksDoc(doc, out, existsSync(profileFile) ? (JSON.parse(readFileSync(profileFile, 'utf8')) as SavedProfile) : null);
      log(`Wrote ${doc}`);
    }
    return results.every((r) => r.complete) ? 0 : 1;
  } finally {
    if (!args.keep) rmSync(tmp, { recursive: true, force: true });
    else log(`Kept ${tmp}`);
  }
}

/** `--runners`: the cluster comparison instead of the scenarios. */
async function clusterMain(runners: number[], sizes: typeof FULL): Promise<number> {
  const machine = describeMachine();
  log(
    `Outflow bench --runners ${runners.join(',')}: PostgreSQL with ${runners.join(', ')} runner(s) and SQLite, ${sizes.events.toLocaleString('en-US')} events in requests of ${sizes.batch}\nMachine: ${machineLine(machine)}`,
  );
  const tmp = mkdtempSync(join(tmpdir(), 'outflow-bench-'));
  try {
    const workload = buildWorkload(tmp, sizes.events);
    const floor = measureFloor(workload.lines.slice(0, sizes.events));
    const ctx: BenchContext = { runnerMain: RUNNER_MAIN, tmp, workload, floor, sizes, profileDir: undefined, keep: false, store: 'postgres', log };
    const runs = await runClusterBench(ctx, runners);
    const table = clusterTable(runs);
    log(`\n${floorLine(floor, workload.avgBytes)}\n\n${table}`);
    const outFile = join(benchDir, 'results', 'latest-cluster.json');
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, `${JSON.stringify({ date: new Date().toISOString(), machine, floor, sizes, runs, table }, null, 1)}\n`);
    log(`\nResults: ${outFile}`);
    return runs.every((r) => r.complete) ? 0 : 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(2);
  },
);
