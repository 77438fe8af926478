// The health tab: delivery counters, lag, last success, the per-minute chart, replay and recent errors.
import { useState } from 'react';
import type { ApiError } from '../api/client';
import type { HealthRecordView, StreamView } from '../api/types';
import { useApi, useLoad } from '../api/use-api';
import { Button, Card, Empty, ErrorNote, Loading, Notice } from '../components/ui';
import { count, dateTime, duration, timeAgo } from '../lib/format';
import { DeliveryChart } from './delivery-chart';
import { ReplayPanel } from './replay-panel';

const KIND_LABEL: Partial<Record<HealthRecordView['kind'], string>> = {
  delivery_failed: 'Delivery failed',
  events_lost: 'Events lost',
  dead_lettered: 'Dead-lettered',
  suspended: 'Suspended',
  recovered: 'Recovered',
  cursor_moved: 'Cursor moved',
  probe_failed: 'Probe failed',
};

/** Records that tell what happened rather than what went wrong; the errors table leaves them out. */
const INFO_KINDS = new Set<HealthRecordView['kind']>(['cursor_moved', 'recovered', 'redriven']);

function Stat({ label, value, sub, tone, testId }: { label: string; value: string; sub?: string; tone?: 'ok' | 'bad' | 'warn'; testId: string }) {
  return (
    <div className={`stat ${tone ? `stat-${tone}` : ''}`}>
      <span className="stat-label">{label}</span>
      <span className="stat-value" data-testid={testId}>
        {value}
      </span>
      {sub ? <span className="stat-sub">{sub}</span> : null}
    </div>
  );
}

export function HealthTab({ stream, canUpdate }: { stream: StreamView; canUpdate: boolean }) {
  const health = useLoad((api) => api.health(stream.id, 50), [stream.id], 2000);
  const stats = useLoad((api) => api.stats(stream.id, 60), [stream.id], 2000);
  const api = useApi();
  // Older records, fetched on demand with `before=<oldest id shown>`; null once there are no more.
  const [older, setOlder] = useState<HealthRecordView[]>([]);
  const [moreState, setMoreState] = useState<'idle' | 'loading' | 'done'>('idle');
  const h = health.data;
  if (!h) return health.error ? <ErrorNote error={health.error} onRetry={health.reload} /> : <Loading label="Loading health…" />;
  const statsMissing = (stats.error as ApiError | undefined)?.status === 404;
  const latest = h.records;
  const records = [...latest, ...older.filter((r) => r.id < (latest.at(-1)?.id ?? Infinity))];
  const problems = records.filter((r) => !INFO_KINDS.has(r.kind));
  const loadOlder = async () => {
    const oldest = records.at(-1)?.id;
    if (oldest === undefined) return;
    setMoreState('loading');
    try {
      const page = await api.health(stream.id, 50, oldest);
      setOlder((cur) => [...cur, ...page.records]);
      setMoreState(page.records.length < 50 ? 'done' : 'idle');
    } catch {
      setMoreState('idle');
    }
  };
  return (
    <div className="stack">
      {h.failingSince ? (
        <Notice tone="warning">Deliveries are failing since {dateTime(h.failingSince)}. Outflow keeps retrying; events wait in the log.</Notice>
      ) : null}
      <div className="stats">
        <Stat label="Delivered" value={count(h.delivered)} testId="delivered-count" tone="ok" />
        <Stat
          label="Failed"
          value={count(h.failed)}
          sub={`${count(h.failedRounds)} failed rounds`}
          testId="failed-count"
          tone={h.failed > 0 ? 'bad' : undefined}
        />
        <Stat
          label="Lag"
          value={`${count(h.lagEvents)} events`}
          sub={h.lagEvents ? `${duration(h.lagSeconds)} behind` : 'Up to date'}
          testId="lag"
          tone={h.lagEvents > 0 ? 'warn' : undefined}
        />
        <Stat
          label="Last successful delivery"
          value={timeAgo(h.lastSuccessAt)}
          sub={h.lastSuccessAt ? dateTime(h.lastSuccessAt) : 'No delivery yet'}
          testId="last-success"
        />
        <Stat label="Dead letters" value={count(h.deadLetters)} testId="dead-letter-count" tone={h.deadLetters > 0 ? 'bad' : undefined} />
      </div>
      <Card title="Events per minute">
        {stats.data ? (
          <DeliveryChart buckets={stats.data.buckets} />
        ) : statsMissing ? (
          <p className="muted">This server does not report per-minute statistics.</p>
        ) : stats.error ? (
          <ErrorNote error={stats.error} />
        ) : (
          <Loading />
        )}
      </Card>
      {canUpdate ? <ReplayPanel streamId={stream.id} onDone={health.reload} /> : null}
      <Card title="Recent errors" className="table-card">
        {problems.length === 0 ? (
          <Empty title="No errors">Failed deliveries, lost events and suspensions show up here.</Empty>
        ) : (
          <table className="table" aria-label="Recent errors" data-testid="errors-table">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Kind</th>
                <th scope="col">Status</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((r) => (
                <tr key={r.id} data-testid="error-row">
                  <td className="nowrap" title={r.at}>
                    {dateTime(r.at)}
                  </td>
                  <td className="nowrap">
                    <span className={`kind kind-${r.kind}`}>{KIND_LABEL[r.kind] ?? r.kind}</span>
                    {r.errorKind ? <span className="muted small"> {r.errorKind}</span> : null}
                  </td>
                  <td className="nowrap">{r.status ?? '—'}</td>
                  <td className="message">
                    {r.message}
                    {r.count ? <span className="muted small"> ({count(r.count)} events)</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {records.length >= 50 && moreState !== 'done' ? (
          <div className="table-more">
            <Button busy={moreState === 'loading'} onClick={() => void loadOlder()}>
              Show older records
            </Button>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
