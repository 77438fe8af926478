// The streams list toolbar: search by name or type, status filter with counts, and sort order.
import type { DisplayStatus } from '../lib/delivery-status';
import { STATUS_LABEL } from '../lib/delivery-status';
import { SORTS, type SortKey, type StatusFilter } from '../lib/stream-query';

const STATUSES: DisplayStatus[] = ['active', 'retrying', 'failing', 'paused', 'suspended'];

export function ListToolbar(props: {
  search: string;
  status: StatusFilter;
  sort: SortKey;
  counts: Record<DisplayStatus, number>;
  total: number;
  onSearch: (v: string) => void;
  onStatus: (v: StatusFilter) => void;
  onSort: (v: SortKey) => void;
}) {
  return (
    <div className="list-toolbar" role="search">
      <input
        type="search"
        className="list-search"
        placeholder="Search by name or type"
        aria-label="Search log streams"
        value={props.search}
        onChange={(e) => props.onSearch(e.target.value)}
      />
      <label className="list-control">
        <span className="muted small">Status</span>
        <select aria-label="Status filter" value={props.status} onChange={(e) => props.onStatus(e.target.value as StatusFilter)}>
          <option value="all">All ({props.total})</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]} ({props.counts[s]})
            </option>
          ))}
        </select>
      </label>
      <label className="list-control">
        <span className="muted small">Sort</span>
        <select aria-label="Sort by" value={props.sort} onChange={(e) => props.onSort(e.target.value as SortKey)}>
          {SORTS.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

export function Pager({
  page,
  pages,
  from,
  to,
  total,
  onPage,
}: {
  page: number;
  pages: number;
  from: number;
  to: number;
  total: number;
  onPage: (p: number) => void;
}) {
  return (
    <nav className="pager" aria-label="Pages">
      <span className="muted small" data-testid="page-range">
        {from}–{to} of {total.toLocaleString('en-US')}
      </span>
      <span className="pager-buttons">
        <button type="button" className="btn btn-ghost" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          ‹ Previous
        </button>
        <span className="small" data-testid="page-number">
          Page {page} of {pages}
        </span>
        <button type="button" className="btn btn-ghost" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          Next ›
        </button>
      </span>
    </nav>
  );
}
