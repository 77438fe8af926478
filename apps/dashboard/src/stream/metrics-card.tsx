// The stream's metrics: its delivery counters from the health API and a link to the runner's Prometheus endpoint.
import type { StreamHealthView } from '../api/types';
import { Card } from '../components/ui';
import { count } from '../lib/format';

/** Where the runner serves Prometheus metrics by default (`server.metrics.path`). */
export const METRICS_PATH = '/metrics';

export function MetricsCard({ streamId, health }: { streamId: string; health: StreamHealthView | undefined }) {
  const rows: Array<[string, number | undefined]> = [
    ['Delivered', health?.delivered],
    ['Failed', health?.failed],
    ['Failed rounds', health?.failedRounds],
    ['Dead-lettered', health?.deadLettered],
    ['Lag (events)', health?.lagEvents],
  ];
  return (
    <div data-testid="metrics-card">
      <Card
        className="metrics-card"
        title="Metrics"
        actions={
          <a className="btn btn-ghost" href={METRICS_PATH} target="_blank" rel="noreferrer" data-testid="metrics-link">
            Prometheus metrics ↗
          </a>
        }
      >
        <dl className="metrics-list">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd
                data-testid={`metric-${label
                  .toLowerCase()
                  .replace(/[^a-z]+/g, '-')
                  .replace(/-$/, '')}`}
              >
                {count(value)}
              </dd>
            </div>
          ))}
        </dl>
        <p className="muted small">
          Scrape <code>{METRICS_PATH}</code> on the runner; this stream's series carry the label <code>stream_id="{streamId}"</code>.
        </p>
      </Card>
    </div>
  );
}
