// Command-line options of `pnpm bench`.
import { parseArgs } from 'node:util';
import type { BenchStoreKind } from './bench-store.js';

export const SCENARIOS = ['one-stream', 'fan-out', 'latency', 'many-streams', 'replay-seek', 'ingest-only'] as const;
export type ScenarioId = (typeof SCENARIOS)[number];

export interface BenchArgs {
  quick: boolean;
  only: ScenarioId[];
  profile: boolean;
  out: string | undefined;
  docs: boolean;
  keep: boolean;
  /** The runner's store: a temporary SQLite file, or a fresh schema on OUTFLOW_BENCH_PG_URL. */
  store: BenchStoreKind;
  /** `--runners 1,3`: runner counts sharing one PostgreSQL schema, compared with SQLite (the scenarios are not run). */
  runners: number[];
  /** `--events N`: events of each run (default the size's). */
  events: number | undefined;
}

export const USAGE = `Usage: pnpm bench [--quick] [--only SCENARIO[,SCENARIO]] [--profile] [--out FILE] [--no-docs] [--keep]

  --quick      every scenario at a tenth of the size (well under a minute)
  --only       run only these scenarios: ${SCENARIOS.join(', ')}
  --profile    start the runner with --cpu-prof (bench/results/profiles) and list its hottest functions
  --out FILE   results JSON (default bench/results/latest.json)
  --no-docs    do not rewrite docs/benchmarks.md (a full run of every scenario writes it)
  --keep       keep the temporary stores and runner logs
  --runners N[,N]  with --store postgres: N runner processes on one schema (load spread over them),
               ingest and fan-out (1 and 4 streams) next to one runner on SQLite in the same run
  --events N   events per run (default 200,000; 20,000 with --quick)
  --store      the runner's store: sqlite (default) or postgres (a fresh schema per runner on
               OUTFLOW_BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/test, dropped
               afterwards; replay-seek builds its store through the SQLite API and runs on sqlite only)`;

export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string', multiple: true },
      profile: { type: 'boolean', default: false },
      out: { type: 'string' },
      'no-docs': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      store: { type: 'string', default: 'sqlite' },
      runners: { type: 'string' },
      events: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const only = (values.only ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  for (const id of only) {
    if (!(SCENARIOS as readonly string[]).includes(id)) throw new Error(`Unknown scenario "${id}"; choose from ${SCENARIOS.join(', ')}.`);
  }
  const store = values.store as BenchStoreKind;
  if (store !== 'sqlite' && store !== 'postgres') throw new Error(`Unknown store "${store}"; choose sqlite or postgres.`);
  if (store === 'postgres' && only.includes('replay-seek'))
    throw new Error('replay-seek runs on --store sqlite only (it builds its store through the SQLite API).');
  const runners = (values.runners ?? '')
    .split(',')
    .filter((v) => v.trim() !== '')
    .map((v) => Number(v));
  if (runners.some((n) => !Number.isInteger(n) || n < 1 || n > 16))
    throw new Error(`--runners takes runner counts from 1 to 16, e.g. 1,3; got "${values.runners}".`);
  if (runners.length > 0 && store !== 'postgres') throw new Error('--runners needs --store postgres (SQLite is single-runner; it is measured alongside).');
  const events = values.events === undefined ? undefined : Number(values.events);
  if (events !== undefined && (!Number.isInteger(events) || events < 1)) throw new Error(`--events takes a positive whole number; got "${values.events}".`);
  return {
    runners,
    events,
    store,
    quick: values.quick,
    only: only as ScenarioId[],
    profile: values.profile,
    out: values.out,
    docs: !values['no-docs'],
    keep: values.keep,
  };
}
