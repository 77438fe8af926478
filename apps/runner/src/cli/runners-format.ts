// How `outflow runners` prints the runners: one line each with its host, pid, streams and heartbeat age.
import { renderTable } from './table.js';
import type { RunnerView, RunnersView } from './types.js';

/** A heartbeat age for people: "0.4 s", "12 s", "3 min". */
export function ageText(ms: number): string {
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 120_000) return `${Math.round(ms / 1000)} s`;
  return `${Math.round(ms / 60_000)} min`;
}

const streamsText = (r: RunnerView) => (r.streams.length ? `${r.streams.length}: ${r.streams.map((s) => s.name).join(', ')}` : '0');

export function runnersTable(view: RunnersView, color: boolean): string {
  if (!view.runners.length) return 'No live runners.';
  const table = renderTable(
    view.runners,
    [
      { header: 'RUNNER', value: (r) => (r.self ? `${r.id} *` : r.id) },
      { header: 'HOST', value: (r) => r.host, max: 40 },
      { header: 'PID', value: (r) => String(r.pid) },
      { header: 'HEARTBEAT', value: (r) => ageText(r.heartbeatAgeMs) },
      { header: 'STREAMS', value: streamsText, max: 80 },
    ],
    color,
  );
  const note =
    view.mode === 'single'
      ? 'Single runner (SQLite store): this runner delivers every active stream.'
      : `${view.runners.length} runner(s) share the PostgreSQL store; * marks the one that answered.`;
  return `${table}\n\n${note}`;
}
