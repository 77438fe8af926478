// One stream: header with status and actions, and tabs for health, settings and dead letters.
import { useEffect, useState } from 'react';
import type { StreamView } from '../api/types';
import { useLoad } from '../api/use-api';
import { ServiceLogo } from '../components/service-logo';
import { StatusBadge } from '../components/status-badge';
import { ErrorNote, Loading, Notice } from '../components/ui';
import { describeError, displayState } from '../lib/delivery-status';
import { Link } from '../lib/router';
import { DeadLettersTab } from '../stream/dead-letters-tab';
import { HealthTab } from '../stream/health-tab';
import { MetricsCard } from '../stream/metrics-card';
import { SettingsTab } from '../stream/settings-tab';
import { StreamActions } from '../stream/stream-actions';
import { StreamRunner } from '../stream/stream-runner';

type Tab = 'health' | 'settings' | 'dead-letters';
const TABS: Array<{ id: Tab; label: string }> = [
  { id: 'health', label: 'Health' },
  { id: 'settings', label: 'Settings' },
  { id: 'dead-letters', label: 'Dead letters' },
];

export function StreamPage({ id, tab }: { id: string; tab: Tab }) {
  const loaded = useLoad((api) => api.getStream(id), [id], 5000);
  const connectors = useLoad((api) => api.connectors(), []);
  // The latest round's outcome (failing since, last error) for the badge, and the counters of the metrics card.
  const health = useLoad((api) => api.health(id, 1), [id], 3000);
  const [stream, setStream] = useState<StreamView | undefined>(undefined);
  useEffect(() => setStream(loaded.data), [loaded.data]);
  const base = `/streams/${encodeURIComponent(id)}`;
  if (!stream) {
    return <div className="page">{loaded.error ? <ErrorNote error={loaded.error} onRetry={loaded.reload} /> : <Loading label="Loading stream…" />}</div>;
  }
  const connector = connectors.data?.find((c) => c.type === stream.type);
  const h = health.data;
  const shown = displayState(stream.status, h ? { failingSince: h.failingSince, lastError: h.worker?.lastError ?? null } : null);
  return (
    <div className="page">
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link to="/">Log streams</Link> <span aria-hidden>/</span> <span>{stream.name}</span>
      </nav>
      <div className="page-head stream-head">
        <div className="stream-title">
          <ServiceLogo type={stream.type} size={44} />
          <div>
            <h1>{stream.name}</h1>
            <p className="muted">
              {connector?.displayName ?? stream.type} · <code>{stream.id}</code>
              <StreamRunner streamId={stream.id} />
            </p>
          </div>
          <StatusBadge status={shown.status} reason={stream.suspendedReason} error={shown.error} />
        </div>
        <StreamActions stream={stream} onChanged={setStream} />
      </div>
      {stream.status === 'suspended' ? (
        <Notice tone="error">
          Suspended: {stream.suspendedReason ?? 'deliveries failed for too long.'} Restart it to deliver again from where it stopped.
        </Notice>
      ) : null}
      {shown.status === 'retrying' || shown.status === 'failing' ? (
        <Notice tone={shown.status === 'failing' ? 'error' : 'warning'}>
          {shown.status === 'failing' ? 'Failing' : 'Retrying'}: the latest delivery round failed: {describeError(h?.worker?.lastError ?? null)}
        </Notice>
      ) : null}
      {stream.status === 'paused' ? <Notice tone="info">Paused: nothing is delivered; events wait in the log until you resume.</Notice> : null}
      <nav className="tabs" aria-label="Stream sections">
        {TABS.map((t) => (
          <Link
            key={t.id}
            to={t.id === 'health' ? base : `${base}/${t.id}`}
            className={`tab ${tab === t.id ? 'on' : ''}`}
            aria-current={tab === t.id ? 'page' : undefined}
          >
            {t.label}
          </Link>
        ))}
      </nav>
      {tab === 'health' ? <HealthTab stream={stream} canUpdate /> : null}
      {tab === 'settings' ? (
        connectors.data || connectors.error ? (
          <SettingsTab key={stream.id} stream={stream} connector={connector} canUpdate onSaved={setStream} />
        ) : (
          <Loading />
        )
      ) : null}
      {tab === 'dead-letters' ? <DeadLettersTab streamId={stream.id} canUpdate /> : null}
      {tab === 'health' ? <MetricsCard streamId={stream.id} health={h} /> : null}
    </div>
  );
}
