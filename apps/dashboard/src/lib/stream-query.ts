// Search, status filter, sort and paging of the streams list, done in the browser over the whole list.
import type { StreamWithDeliveryView } from '../api/types';
import { displayState, type DisplayState, type DisplayStatus } from './delivery-status';

export interface ListRow {
  stream: StreamWithDeliveryView;
  shown: DisplayState;
  /** Display name of the connector, when known. */
  service: string;
}

export type SortKey = 'name' | 'name-desc' | 'type' | 'status' | 'last-delivery';
export const SORTS: Array<{ id: SortKey; label: string }> = [
  { id: 'name', label: 'Name (A–Z)' },
  { id: 'name-desc', label: 'Name (Z–A)' },
  { id: 'type', label: 'Type' },
  { id: 'status', label: 'Status (problems first)' },
  { id: 'last-delivery', label: 'Last delivery (recent first)' },
];
export type StatusFilter = 'all' | DisplayStatus;
/** Problems first when sorting by status. */
const STATUS_RANK: Record<DisplayStatus, number> = { failing: 0, suspended: 1, retrying: 2, paused: 3, active: 4 };

export interface ListQuery {
  search: string;
  status: StatusFilter;
  sort: SortKey;
  page: number;
  pageSize: number;
}

export function toRows(streams: StreamWithDeliveryView[], names: Map<string, string>, now = Date.now()): ListRow[] {
  return streams.map((stream) => ({ stream, shown: displayState(stream.status, stream.delivery, now), service: names.get(stream.type) ?? stream.type }));
}

/** One collator for every comparison: `localeCompare` with options builds one per call, too slow for 1,000 rows. */
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const byName = (a: ListRow, b: ListRow) => collator.compare(a.stream.name, b.stream.name);
const lastMs = (r: ListRow) => (r.stream.delivery?.lastSuccessAt ? Date.parse(r.stream.delivery.lastSuccessAt) : 0);

const COMPARE: Record<SortKey, (a: ListRow, b: ListRow) => number> = {
  name: byName,
  'name-desc': (a, b) => byName(b, a),
  type: (a, b) => collator.compare(a.service, b.service) || byName(a, b),
  status: (a, b) => STATUS_RANK[a.shown.status] - STATUS_RANK[b.shown.status] || byName(a, b),
  'last-delivery': (a, b) => lastMs(b) - lastMs(a) || byName(a, b),
};

/** Rows matching the search (name, type or service name) and the status, sorted. */
export function queryRows(rows: ListRow[], q: Pick<ListQuery, 'search' | 'status' | 'sort'>): ListRow[] {
  const words = q.search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const hit = (r: ListRow) => {
    const text = `${r.stream.name} ${r.stream.type} ${r.service}`.toLowerCase();
    return words.every((w) => text.includes(w));
  };
  return rows.filter((r) => (q.status === 'all' || r.shown.status === q.status) && (words.length === 0 || hit(r))).sort(COMPARE[q.sort]);
}

export function countByStatus(rows: ListRow[]): Record<DisplayStatus, number> {
  const out: Record<DisplayStatus, number> = { active: 0, retrying: 0, failing: 0, paused: 0, suspended: 0 };
  for (const r of rows) out[r.shown.status] += 1;
  return out;
}

export function pageOf<T>(items: T[], page: number, size: number): { items: T[]; page: number; pages: number; from: number; to: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(1, page), pages);
  const from = (p - 1) * size;
  return { items: items.slice(from, from + size), page: p, pages, from: items.length ? from + 1 : 0, to: Math.min(from + size, items.length) };
}
