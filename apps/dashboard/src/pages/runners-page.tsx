// The runners view: each live runner with its host, pid, heartbeat and the streams it delivers.
import type { RunnerView } from '../api/types';
import { useLoad } from '../api/use-api';
import { Card, Empty, ErrorNote, Loading } from '../components/ui';
import { dateTime } from '../lib/format';
import { Link } from '../lib/router';

/** A heartbeat age: "0.4 s ago", "12 s ago". */
export function heartbeatAge(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s ago` : `${Math.round(ms / 1000)} s ago`;
}

function RunnerRow({ runner }: { runner: RunnerView }) {
  return (
    <tr data-testid="runner-row" data-runner-id={runner.id}>
      <td>
        <code>{runner.id}</code>
        {runner.self ? (
          <span className="tag" title="The runner this dashboard talks to">
            this runner
          </span>
        ) : null}
      </td>
      <td>{runner.host}</td>
      <td className="num">{runner.pid}</td>
      <td className="nowrap" title={`Started ${dateTime(runner.startedAt)}`} data-testid="runner-heartbeat">
        {heartbeatAge(runner.heartbeatAgeMs)}
      </td>
      <td data-testid="runner-streams">
        {runner.streams.length === 0 ? (
          <span className="muted">None</span>
        ) : (
          runner.streams.map((s, i) => (
            <span key={s.id}>
              {i > 0 ? ', ' : null}
              <Link to={`/streams/${encodeURIComponent(s.id)}`}>{s.name}</Link>
            </span>
          ))
        )}
      </td>
    </tr>
  );
}

export function RunnersPage() {
  const loaded = useLoad((api) => api.runners(), [], 2000);
  const view = loaded.data;
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Runners</h1>
          <p className="muted" data-testid="runners-mode">
            {!view
              ? 'The processes that deliver your log streams.'
              : view.mode === 'single'
                ? 'One runner delivers every active stream (SQLite store).'
                : `${view.runners.length} runners share the PostgreSQL store; each stream is delivered by one of them.`}
          </p>
        </div>
      </div>
      {loaded.error && !view ? <ErrorNote error={loaded.error} onRetry={loaded.reload} /> : null}
      {!view && !loaded.error ? <Loading label="Loading runners…" /> : null}
      {view ? (
        <Card className="table-card">
          {view.runners.length === 0 ? (
            <Empty title="No live runners">Runners appear here while they heartbeat.</Empty>
          ) : (
            <table className="table" aria-label="Runners">
              <thead>
                <tr>
                  <th scope="col">Runner</th>
                  <th scope="col">Host</th>
                  <th scope="col" className="num">
                    PID
                  </th>
                  <th scope="col">Heartbeat</th>
                  <th scope="col">Streams</th>
                </tr>
              </thead>
              <tbody>
                {view.runners.map((r) => (
                  <RunnerRow key={r.id} runner={r} />
                ))}
              </tbody>
            </table>
          )}
        </Card>
      ) : null}
    </div>
  );
}
