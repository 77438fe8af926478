// The log streams list: name, service, status, last delivery and lag of each stream.
import type { StreamView } from '../api/types';
import { useLoad } from '../api/use-api';
import { ServiceLogo } from '../components/service-logo';
import { StatusBadge } from '../components/status-badge';
import { Button, Empty, ErrorNote, Loading } from '../components/ui';
import { count, duration, timeAgo } from '../lib/format';
import { Link, navigate } from '../lib/router';

function StreamRow({ stream, displayName }: { stream: StreamView; displayName: string | undefined }) {
  const health = useLoad((api) => api.health(stream.id, 1), [stream.id], 5000);
  const h = health.data;
  return (
    <tr data-testid="stream-row" data-stream-id={stream.id}>
      <td>
        <Link to={`/streams/${encodeURIComponent(stream.id)}`} className="row-link">
          {stream.name}
        </Link>
        {stream.managedBy === 'config' ? (
          <span className="tag" title="Defined in the config file">
            config
          </span>
        ) : null}
      </td>
      <td>
        <span className="service">
          <ServiceLogo type={stream.type} size={24} />
          <span className="service-name">
            {displayName ?? stream.type}
            {displayName ? <span className="muted small">{stream.type}</span> : null}
          </span>
        </span>
      </td>
      <td>
        <StatusBadge status={stream.status} reason={stream.suspendedReason} showReason />
      </td>
      <td data-testid="last-delivery">{h ? timeAgo(h.lastSuccessAt) : '…'}</td>
      <td className="num" data-testid="lag">
        {h ? h.lagEvents === 0 ? <span className="muted">Up to date</span> : `${count(h.lagEvents)} events · ${duration(h.lagSeconds)}` : '…'}
      </td>
    </tr>
  );
}

export function StreamsListPage() {
  const streams = useLoad((api) => api.listStreams(), [], 10_000);
  const connectors = useLoad((api) => api.connectors(), []);
  const names = new Map(connectors.data?.map((c) => [c.type, c.displayName]));
  const list = streams.data;
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
        <div className="card table-card">
          <table className="table" aria-label="Log streams">
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
              {list.map((s) => (
                <StreamRow key={s.id} stream={s} displayName={names.get(s.type)} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
