// Readable output of streams: the list table and one stream's details.
import { createStyle } from './style.js';
import { renderFields, renderTable } from './table.js';
import { agoText, lagText, type StreamOverview } from './stream-overview.js';
import type { StreamView } from './types.js';

export const filtersText = (s: Pick<StreamView, 'filters'>): string =>
  s.filters.length ? s.filters.map((f) => `${f.type}:${f.name}`).join(', ') : 'all events';

const sinkValue = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** The list table; with each stream's health, LAG and LAST_DELIVERY columns too. */
export function streamsTable(rows: readonly StreamOverview[], color: boolean, now = Date.now()): string {
  if (!rows.length) return 'No log streams yet. Create one with "outflow streams create --type http --sink httpEndpoint=https://…".';
  const style = createStyle(color);
  return renderTable(
    rows,
    [
      { header: 'ID', value: (r) => r.stream.id },
      { header: 'NAME', value: (r) => r.stream.name, max: 40 },
      { header: 'TYPE', value: (r) => r.stream.type },
      { header: 'STATUS', value: (r) => r.stream.status, paint: style.status },
      { header: 'LAG', value: (r) => lagText(r.health) },
      { header: 'LAST_DELIVERY', value: (r) => (r.health ? agoText(r.health.lastSuccessAt, now) : '?') },
      { header: 'MANAGED', value: (r) => r.stream.managedBy },
      { header: 'FILTERS', value: (r) => filtersText(r.stream), max: 60 },
    ],
    color,
  );
}

export function streamDetails(s: StreamView, color: boolean): string {
  const style = createStyle(color);
  const head = renderFields(
    [
      ['id', s.id],
      ['name', s.name],
      ['type', s.type],
      ['status', style.status(s.status)],
      ['suspended', s.suspendedReason],
      ['priority', s.isPriority ? 'yes' : 'no'],
      ['managed by', s.managedBy],
      ['filters', filtersText(s)],
      ['pii', s.pii_config ? `${s.pii_config.method} ${s.pii_config.log_fields.join(', ')}` : undefined],
    ],
    color,
  );
  const sinkKeys = Object.keys(s.sink);
  const sink = sinkKeys.length
    ? renderFields(
        sinkKeys.map((k) => [k, sinkValue(s.sink[k])] as const),
        color,
      ).replace(/^/gm, '  ')
    : '  (empty)';
  return `${head}\n${style.bold('sink')}\n${sink}`;
}
