// Formats the results as a Markdown table (printed and written to docs/benchmarks.md).
import type { Floor } from './floor.js';
import type { ScenarioResult } from './result.js';

const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
const fixed = (n: number | null, d = 2) => (n === null || !Number.isFinite(n) ? '—' : n.toFixed(d));

function headline(r: ScenarioResult): string {
  switch (r.id) {
    case 'latency':
      return `p50 ${r.extra.p50Ms} / p95 ${r.extra.p95Ms} / p99 ${r.extra.p99Ms} ms`;
    case 'many-streams':
      return `${r.value} MB peak RSS; ${int(Number(r.extra.deliveriesPerSec))} deliveries/s`;
    case 'replay-seek':
      return `${fixed(r.value, 1)} ms new stream (startFrom); ${fixed(Number(r.extra.replayToFirstMs), 1)} ms replay`;
    default:
      return `${int(r.value)} ${r.unit}`;
  }
}

function target(r: ScenarioResult, floor: Floor): string {
  const op = r.target.op === '>=' ? '≥' : '≤';
  if (r.id === 'latency') return 'p99 ≤ 100 ms, p50 ≤ 20 ms';
  if (r.id === 'replay-seek') return '≤ 100 ms to first delivery';
  if (r.id === 'ingest-only') return `≥ 60 % of floor (${int(0.6 * floor.eventsPerSec)} events/s)`;
  return `${op} ${int(r.target.value)} ${r.unit}`;
}

function delivered(r: ScenarioResult): string {
  const what = r.id === 'ingest-only' ? `${int(r.events)} acked` : `${int(r.deliveries)} delivered`;
  const dup = r.duplicates ? `, ${int(r.duplicates)} dup` : '';
  return `${what}${dup} ${r.complete ? '(exact)' : '(INCOMPLETE)'}`;
}

export function floorLine(floor: Floor, avgBytes: number): string {
  return `JSON.parse floor: **${int(floor.eventsPerSec)} events/s** on one core (the same NDJSON lines, ${int(avgBytes)} B per event on average) = ${fixed(floor.cpuSecPerM)} CPU s per million events.`;
}

export function resultsTable(results: readonly ScenarioResult[], floor: Floor): string {
  const rows = [
    '| # | Scenario | Result | Target | | Rate ÷ floor | Runner CPU s / M events | CPU ÷ floor | Runner peak RSS | Checked |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  results.forEach((r) => {
    const ratio = r.id === 'many-streams' ? Number(r.extra.deliveriesVsFloor) : r.rateVsFloor;
    rows.push(
      `| ${SCENARIO_NUMBER[r.id] ?? '?'} | ${r.title} | ${headline(r)} | ${target(r, floor)} | ${r.pass ? '✓' : '✗'} | ${ratio === null ? '—' : `${fixed(ratio)}×`} | ${fixed(r.cpuSecPerM)} | ${r.cpuVsFloor === null ? '—' : `${fixed(r.cpuVsFloor)}×`} | ${r.peakRssMB} MB | ${delivered(r)} |`,
    );
  });
  return rows.join('\n');
}

export const SCENARIO_NUMBER: Readonly<Record<string, number>> = {
  'one-stream': 1,
  'fan-out': 2,
  latency: 3,
  'many-streams': 4,
  'replay-seek': 5,
  'ingest-only': 6,
};

/** Problems and extra figures, one line per scenario. */
export function details(results: readonly ScenarioResult[]): string {
  return results
    .map((r) => {
      const extra = Object.entries(r.extra)
        .map(([k, v]) => `${k}=${typeof v === 'number' ? Math.round(v * 10) / 10 : v}`)
        .join(', ');
      const problems = r.problems.length
        ? ` PROBLEMS: ${r.problems.slice(0, 5).join('; ')}${r.problems.length > 5 ? ` (+${r.problems.length - 5} more)` : ''}`
        : '';
      return `- ${r.title}: elapsed ${int(r.elapsedMs)} ms, runner CPU ${fixed(r.runnerCpuSec)} s; ${extra}.${problems}`;
    })
    .join('\n');
}
