// Command-line options of `pnpm bench`.
import { parseArgs } from 'node:util';

export const SCENARIOS = ['one-stream', 'fan-out', 'latency', 'many-streams', 'replay-seek', 'ingest-only'] as const;
export type ScenarioId = (typeof SCENARIOS)[number];

export interface BenchArgs {
  quick: boolean;
  only: ScenarioId[];
  profile: boolean;
  out: string | undefined;
  docs: boolean;
  keep: boolean;
}

export const USAGE = `Usage: pnpm bench [--quick] [--only SCENARIO[,SCENARIO]] [--profile] [--out FILE] [--no-docs] [--keep]

  --quick      every scenario at a tenth of the size (well under a minute)
  --only       run only these scenarios: ${SCENARIOS.join(', ')}
  --profile    start the runner with --cpu-prof (bench/results/profiles) and list its hottest functions
  --out FILE   results JSON (default bench/results/latest.json)
  --no-docs    do not rewrite docs/benchmarks.md (a full run of every scenario writes it)
  --keep       keep the temporary stores and runner logs`;

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
  return { quick: values.quick, only: only as ScenarioId[], profile: values.profile, out: values.out, docs: !values['no-docs'], keep: values.keep };
}
