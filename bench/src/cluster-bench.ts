// `pnpm bench --runners 1,3`: ingest and fan-out on N runners sharing one PostgreSQL schema, next to one runner on SQLite in the same run.
import type { BenchContext } from './context.js';
import { runCluster, type ClusterRun } from './cluster-harness.js';
import type { DeliverySpec } from './harness.js';

const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');

/** The two shapes compared: one webhook stream, and `fanOut` streams (every event to each). */
function specs(ctx: BenchContext, fanOut: number): DeliverySpec[] {
  const base = { events: ctx.sizes.events, mode: 'burst' as const, batch: ctx.sizes.batch, concurrency: ctx.sizes.concurrency, intervalMs: 0 };
  return [
    { ...base, name: 'one-stream', streams: [{ name: 'webhook', filters: [] }], trackArrivals: false, stallMs: 60_000 },
    {
      ...base,
      name: 'fan-out',
      streams: Array.from({ length: fanOut }, (_, i) => ({ name: `webhook-${i + 1}`, filters: [] })),
      trackArrivals: false,
      stallMs: 60_000,
    },
  ];
}

/** SQLite with one runner first, then PostgreSQL with each runner count; a crashed run is reported, not fatal. */
export async function runClusterBench(ctx: BenchContext, runners: readonly number[], fanOut = 4): Promise<ClusterRun[]> {
  const runs: ClusterRun[] = [];
  const setups: Array<['sqlite' | 'postgres', number]> = [['sqlite', 1], ...runners.map((n): ['postgres', number] => ['postgres', n])];
  for (const spec of specs(ctx, fanOut)) {
    for (const [kind, n] of setups) {
      ctx.log(`\n▶ ${spec.name} (${spec.streams.length} stream${spec.streams.length > 1 ? 's' : ''}), ${kind}, ${n} runner${n > 1 ? 's' : ''}`);
      let run: ClusterRun;
      try {
        run = await runCluster(ctx, spec, kind, n);
      } catch (err) {
        const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
        run = {
          store: kind,
          runners: n,
          streams: spec.streams.length,
          events: spec.events,
          ingestPerSec: NaN,
          deliveriesPerSec: NaN,
          cpuSecPerM: NaN,
          spread: '',
          complete: false,
          problems: [`crashed: ${message}`],
        };
      }
      ctx.log(
        `  ingest ${int(run.ingestPerSec)} events/s, delivery ${int(run.deliveriesPerSec)} deliveries/s${run.complete ? '' : ` (INCOMPLETE: ${run.problems.join('; ')})`}`,
      );
      runs.push(run);
    }
  }
  return runs;
}

/** The Markdown table: per shape and setup, the rates, their ratio to SQLite's, and the runners' CPU. */
export function clusterTable(runs: readonly ClusterRun[]): string {
  const rows = [
    '| Streams | Store | Runners | Streams per runner | Ingest events/s | ÷ SQLite | Deliveries/s | ÷ SQLite | Runners CPU s / M events | Checked |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of runs) {
    const sqlite = runs.find((x) => x.store === 'sqlite' && x.streams === r.streams);
    const ratio = (a: number, b: number | undefined) => (b && Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : '—');
    rows.push(
      `| ${r.streams} | ${r.store} | ${r.runners} | ${r.spread} | ${int(r.ingestPerSec)} | ${ratio(r.ingestPerSec, sqlite?.ingestPerSec)} | ${int(r.deliveriesPerSec)} | ${ratio(r.deliveriesPerSec, sqlite?.deliveriesPerSec)} | ${Number.isFinite(r.cpuSecPerM) ? r.cpuSecPerM.toFixed(1) : 'n/a'} | ${r.complete ? 'exact' : `INCOMPLETE: ${r.problems.join('; ')}`} |`,
    );
  }
  return rows.join('\n');
}
