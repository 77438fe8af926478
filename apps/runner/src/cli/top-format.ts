// Readable output of `outflow top`: one line per stream with status, events/s, lag and the last error.
import { createStyle } from './style.js';
import { agoText, lagText, type StreamOverview } from './stream-overview.js';
import { renderTable } from './table.js';
import type { StreamHealthView, StreamStatsView } from './types.js';

export interface TopRow extends StreamOverview {
  /** Events delivered per second (since the last refresh, or over the stats window at first); null when unknown. */
  rate: number | null;
}

/** Delivered events per second over a 2-minute stats window: the last full minute and the current one so far. */
export function statsRate(stats: StreamStatsView | null, now: number): number | null {
  if (!stats || stats.buckets.length === 0) return null;
  const last = stats.buckets[stats.buckets.length - 1] as StreamStatsView['buckets'][number];
  const intoLast = Math.min(60, Math.max(1, (now - Date.parse(last.at)) / 1000));
  const seconds = (stats.buckets.length - 1) * stats.bucketSeconds + intoLast;
  return stats.buckets.reduce((n, b) => n + b.delivered, 0) / seconds;
}

/** Delivered events per second between two readings of a stream's health. */
export function deltaRate(before: { delivered: number; at: number }, delivered: number, now: number): number | null {
  const seconds = (now - before.at) / 1000;
  return seconds > 0 ? Math.max(0, delivered - before.delivered) / seconds : null;
}

export const rateText = (r: number | null): string => (r === null ? '?' : r >= 100 ? String(Math.round(r)) : r.toFixed(1));

/** The worker's error now, else the last dead-lettering, else when the last failure was. */
export function lastErrorText(h: StreamHealthView | null, now: number): string {
  if (!h) return 'health unavailable';
  const e = h.worker?.lastError;
  if (e) return `${agoText(new Date(e.at).toISOString(), now)}: ${e.kind}${e.status ? ` ${e.status}` : ''} ${e.message}`;
  const d = h.lastDeadLetter;
  if (d) return `${agoText(d.at, now)}: dead-lettered${d.errorKind ? ` (${d.errorKind}${d.status ? ` ${d.status}` : ''})` : ''} ${d.message}`;
  return h.lastErrorAt ? `${agoText(h.lastErrorAt, now)} (recovered)` : '-';
}

export function topReport(rows: readonly TopRow[], o: { url: string; now: number; color: boolean }): string {
  const style = createStyle(o.color);
  const known = rows.filter((r) => r.rate !== null);
  const total = known.reduce((n, r) => n + (r.rate as number), 0);
  const head = `${style.bold('outflow top')}  ${o.url}  ${rows.length} stream(s)  ${rateText(known.length ? total : null)} ev/s delivered  ${new Date(o.now).toISOString()}`;
  if (!rows.length) return `${head}\n\nNo log streams yet.`;
  const table = renderTable(
    rows,
    [
      { header: 'NAME', value: (r) => r.stream.name, max: 32 },
      { header: 'ID', value: (r) => r.stream.id },
      { header: 'TYPE', value: (r) => r.stream.type },
      { header: 'STATUS', value: (r) => r.health?.status ?? r.stream.status, paint: style.status },
      { header: 'WORKER', value: (r) => r.health?.worker?.state ?? 'not running', paint: style.status },
      { header: 'EV/S', value: (r) => rateText(r.rate) },
      { header: 'LAG', value: (r) => lagText(r.health) },
      { header: 'DELIVERED', value: (r) => (r.health ? String(r.health.delivered) : '?') },
      { header: 'DEAD', value: (r) => (r.health ? String(r.health.deadLetters) : '?') },
      { header: 'LAST_ERROR', value: (r) => lastErrorText(r.health, o.now), max: 80 },
    ],
    o.color,
  );
  return `${head}\n\n${table}`;
}
