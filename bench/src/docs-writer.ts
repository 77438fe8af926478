// Writes docs/benchmarks.md: the latest full run's table, the machine, the hot spots and how to run it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { BenchOutput } from './output.js';
import { machineLine } from './machine.js';
import { profileTable, type ProfileSummary } from './profile-summary.js';
import { details, floorLine, resultsTable } from './report.js';

/** bench/results/profile-summary.json, written by the last `--profile` run. */
export interface SavedProfile {
  date: string;
  quick: boolean;
  scenario: string | null;
  profiles: ProfileSummary[];
}

function hotSpots(out: BenchOutput, saved: SavedProfile | null): string {
  const p: SavedProfile | null = out.profiles.length ? { date: out.date, quick: out.quick, scenario: out.profiledScenario, profiles: out.profiles } : saved;
  if (!p?.profiles.length) return '';
  const tables = p.profiles
    .filter((s) => s.file.startsWith(`${p.scenario}/`))
    .slice(0, 2)
    .map((s) => profileTable({ ...s, top: s.top.slice(0, 20) }));
  return `\n## Hot spots of the runner (\`--profile\`, scenario \`${p.scenario}\`${p.quick ? ' quick' : ''}, ${p.date})\n\nSelf time per function over the whole life of the runner process (start-up included), from \`node --cpu-prof\`; JSON.parse and other built-ins are counted in the function that calls them.\n\n${tables.join('\n\n')}\n`;
}

const NOTES_START = '<!-- notes: kept when this file is rewritten -->';
const NOTES_END = '<!-- /notes -->';

/** The hand-written notes block of an earlier version of the file (measurements of past changes), if any. */
export function keptNotes(previous: string): string {
  const start = previous.indexOf(NOTES_START);
  const end = previous.indexOf(NOTES_END, start);
  return start >= 0 && end > start ? `\n${previous.slice(start, end + NOTES_END.length)}\n` : '';
}

export function writeBenchmarksDoc(file: string, out: BenchOutput, saved: SavedProfile | null = null): void {
  const notes = existsSync(file) ? keptNotes(readFileSync(file, 'utf8')) : '';
  const text = `# Benchmarks

Measured by \`npx -y pnpm@10 bench\` (package \`bench/\`): the real runner (\`node apps/runner/dist/main.js start\`) as
its own process on a temporary SQLite store, a load generator process and a sink process, all on
127.0.0.1. Events are synthesized by \`@outflow/samples\` from Auth0's tenant log schema (type mix
of a busy tenant, ~1.1 KB each). Ingest is NDJSON, 500 events per request, 6 requests in flight;
streams are webhooks (\`http\`, JSONLINES). The sink checks every delivery by \`log_id\`: each
stream must receive exactly the events its filter selects.

The **floor** is how fast one core \`JSON.parse\`s the same NDJSON lines; each rate is also given as
a ratio to it, and each scenario's runner CPU time per event as a ratio to the floor's. Targets
are reported, not asserted. The load generator and the sink share the machine with the runner,
and so does whatever else runs there: the load average at the start is given with the machine.

Latest full run: ${out.date}, on ${machineLine(out.machine)}.

${floorLine(out.floor, out.avgEventBytes)}

${resultsTable(out.results, out.floor)}

${details(out.results)}
${notes}${hotSpots(out, saved)}
## Running it

\`\`\`sh
npx -y pnpm@10 bench                       # every scenario at full size, rewrites this file
npx -y pnpm@10 bench --quick               # a tenth of the size, well under a minute
npx -y pnpm@10 bench --only one-stream --profile   # CPU profile of the runner in bench/results/profiles
\`\`\`

Scenarios: \`one-stream\` (200,000 events, 1 webhook stream: events/s from first send to last
delivery), \`fan-out\` (4 streams: deliveries/s), \`latency\` (2,000 events/s for 30 s, 20 events
every 10 ms: ingest acknowledgement → sink arrival), \`many-streams\` (1,000 streams with mixed
category and type filters, 4 % unfiltered, 100,000 events: runner peak RSS and deliveries/s),
\`replay-seek\` (5,000,000 events recorded over 30 days, put in the store through the store API
before the runner starts; a stream created with \`startFrom\` at day 15 — the runner's first API
request, so cold — then \`POST /{id}/replay\` of that live stream from day 20: request → first
delivered event of the right position), \`ingest-only\` (no streams: acknowledged events/s).
Each rate is measured from the first send to the last delivery (or acknowledgement). Runner CPU
is read from \`/proc/<pid>/stat\` (all threads) and peak RSS from \`VmHWM\`; the sink's and the
load generator's CPU is listed too (\`sinkAndLoadgenCpuSec\`), since all three share the 2 cores.
Results of every run go to \`bench/results/latest.json\` (git-ignored).
`;
  writeFileSync(file, text);
}
