// Readable output of a stream's per-minute stats: the window's totals, then the minutes with any counts.
import { renderTable } from './table.js';
import type { StatsBucketView, StreamStatsView } from './types.js';

const COUNTS = ['delivered', 'failed', 'deadLettered', 'failedRounds'] as const;

const active = (b: StatsBucketView) => COUNTS.some((k) => b[k] > 0);

export function statsReport(s: StreamStatsView, color: boolean): string {
  const window = `the last ${s.buckets.length} minute(s)`;
  const minutes = s.buckets.filter(active);
  if (!minutes.length) return `No deliveries, failures or dead letters for ${s.id} in ${window}.`;
  const total = (k: (typeof COUNTS)[number]) => String(s.buckets.reduce((n, b) => n + b[k], 0));
  const head = `In ${window}, ${s.id} delivered ${total('delivered')} event(s), dead-lettered ${total('deadLettered')} and failed ${total('failed')} in ${total('failedRounds')} failed round(s).`;
  const table = renderTable(
    minutes,
    [
      { header: 'AT', value: (b) => b.at },
      { header: 'DELIVERED', value: (b) => String(b.delivered) },
      { header: 'FAILED', value: (b) => String(b.failed) },
      { header: 'DEAD_LETTERED', value: (b) => String(b.deadLettered) },
      { header: 'FAILED_ROUNDS', value: (b) => String(b.failedRounds) },
    ],
    color,
  );
  return `${head}\n\n${table}`;
}
