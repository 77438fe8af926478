// The log streams list: search, status filter, sort and paging; name, service, status, last delivery and lag of each stream.
import { useMemo, useState } from 'react';
import { useLoad } from '../api/use-api';
import { ListToolbar, Pager } from '../components/list-toolbar';
import { ServiceLogo } from '../components/service-logo';
import { StatusBadge } from '../components/status-badge';
import { Button, Empty, ErrorNote, Loading } from '../components/ui';
import { count, duration, timeAgo } from '../lib/format';
import { Link, navigate } from '../lib/router';
import { countByStatus, pageOf, queryRows, toRows, type ListRow, type SortKey, type StatusFilter } from '../lib/stream-query';

export const PAGE_SIZE = 25;

function StreamRow({ row }: { row: ListRow }) {
  const { stream, shown } = row;
  // Lag costs a count per stream, so only the rows on screen ask for it.
  const health = useLoad((api) => api.health(stream.id, 1), [stream.id], 5000);
  const h = health.data;
  const last = stream.delivery ? stream.delivery.lastSuccessAt : h?.lastSuccessAt;
  return (
    <tr data-testid="stream-row" data-stream-id={stream.id} data-status={shown.status}>
      <td data-label="Name">
        <Link to={`/streams/${encodeURIComponent(stream.id)}`} className="row-link">
          {stream.name}
        </Link>
        {stream.managedBy === 'config' ? (
          <span className="tag" title="Defined in the config file">
            config
          </span>
        ) : null}
      </td>
      <td data-label="Type">
        <span className="service">
          <ServiceLogo type={stream.type} size={24} />
          <span className="service-name">
            {row.service}
            {row.service !== stream.type ? <span className="muted small">{stream.type}</span> : null}
          </span>
        </span>
      </td>
      <td data-label="Status">
        <StatusBadge status={shown.status} reason={stream.suspendedReason} error={shown.error} showReason />
      </td>
      <td data-label="Last delivery" data-testid="last-delivery">
        {last !== undefined ? timeAgo(last) : '…'}
      </td>
      <td data-label="Lag" className="num" data-testid="lag">
        {h ? h.lagEvents === 0 ? <span className="muted">Up to date</span> : `${count(h.lagEvents)} events · ${duration(h.lagSeconds)}` : '…'}
      </td>
    </tr>
  );
}

export function StreamsListPage() {
  const streams = useLoad((api) => api.listStreamsWithDelivery(), [], 5000);
  const connectors = useLoad((api) => api.connectors(), []);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [sort, setSort] = useState<SortKey>('name');
  const [page, setPage] = useState(1);
  const list = streams.data;
  const rows = useMemo(() => toRows(list ?? [], new Map(connectors.data?.map((c) => [c.type, c.displayName]))), [list, connectors.data]);
  const counts = useMemo(() => countByStatus(rows), [rows]);
  const matching = useMemo(() => queryRows(rows, { search, status, sort }), [rows, search, status, sort]);
  const shown = pageOf(matching, page, PAGE_SIZE);
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Log streams</h1>
          <p className="muted">Stream your tenant's log events to the services you use.</p>
        </div>
        <Button variant="primary" onClick={() => navigate('/streams/new')}>
          + Create log stream
        </Button>
      </div>
      {streams.error && !list ? <ErrorNote error={streams.error} onRetry={streams.reload} /> : null}
      {!list && !streams.error ? <Loading label="Loading log streams…" /> : null}
      {list && list.length === 0 ? (
        <div className="card">
          <Empty title="No log streams yet">
            <p>Create a stream to send your tenant's log events to a webhook, Datadog, Splunk and more.</p>
            <Button variant="primary" onClick={() => navigate('/streams/new')}>
              Create your first stream
            </Button>
          </Empty>
        </div>
      ) : null}
      {list && list.length > 0 ? (
        <>
          <ListToolbar
            search={search}
            status={status}
            sort={sort}
            counts={counts}
            total={rows.length}
            onSearch={reset(setSearch)}
            onStatus={reset(setStatus)}
            onSort={reset(setSort)}
          />
          <div className="card table-card">
            <div className="table-scroll">
              <table className="table table-streams" aria-label="Log streams">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Type</th>
                    <th scope="col">Status</th>
                    <th scope="col">Last delivery</th>
                    <th scope="col" className="num">
                      Lag
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shown.items.map((r) => (
                    <StreamRow key={r.stream.id} row={r} />
                  ))}
                </tbody>
              </table>
              {matching.length === 0 ? <Empty title="No streams match">Change the search or the status filter.</Empty> : null}
            </div>
            <Pager page={shown.page} pages={shown.pages} from={shown.from} to={shown.to} total={matching.length} onPage={setPage} />
          </div>
        </>
      ) : null}
    </div>
  );
}
