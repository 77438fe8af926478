// Delivered and failed events per minute as a hand-drawn SVG bar chart.
import type { StatsBucketView } from '../api/types';

const W = 720;
const H = 200;
const PAD = { l: 40, r: 8, t: 10, b: 24 };

function niceMax(n: number): number {
  if (n <= 4) return 4;
  const p = 10 ** Math.floor(Math.log10(n));
  const m = n / p;
  return (m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

const hhmm = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

export function DeliveryChart({ buckets }: { buckets: StatsBucketView[] }) {
  const max = niceMax(Math.max(0, ...buckets.map((b) => Math.max(b.delivered, b.failed + b.deadLettered))));
  const innerW = W - PAD.l - PAD.r;
  const innerH = H - PAD.t - PAD.b;
  const slot = innerW / Math.max(1, buckets.length);
  const bar = Math.max(1, slot / 2 - 1);
  const y = (v: number) => PAD.t + innerH - (v / max) * innerH;
  const totalDelivered = buckets.reduce((s, b) => s + b.delivered, 0);
  const totalFailed = buckets.reduce((s, b) => s + b.failed + b.deadLettered, 0);
  const ticks = [0, max / 2, max];
  return (
    <figure className="chart" data-testid="delivery-chart" data-delivered={totalDelivered} data-failed={totalFailed}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Events per minute over the last ${buckets.length} minutes: ${totalDelivered} delivered, ${totalFailed} failed.`}
      >
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.l} x2={W - PAD.r} y1={y(t)} y2={y(t)} className="chart-grid" />
            <text x={PAD.l - 6} y={y(t)} textAnchor="end" dominantBaseline="middle" className="chart-label">
              {t.toLocaleString('en-US')}
            </text>
          </g>
        ))}
        {buckets.map((b, i) => {
          const x = PAD.l + i * slot;
          const failed = b.failed + b.deadLettered;
          return (
            <g key={b.at}>
              <title>{`${hhmm(b.at)} — ${b.delivered} delivered, ${b.failed} failed${b.deadLettered ? `, ${b.deadLettered} dead-lettered` : ''}`}</title>
              <rect x={x} y={PAD.t} width={slot} height={innerH} fill="transparent" />
              {b.delivered > 0 ? (
                <rect className="bar-ok" x={x + 0.5} y={y(b.delivered)} width={bar} height={Math.max(1, PAD.t + innerH - y(b.delivered))} rx="1" />
              ) : null}
              {failed > 0 ? (
                <rect className="bar-fail" x={x + 0.5 + bar} y={y(failed)} width={bar} height={Math.max(1, PAD.t + innerH - y(failed))} rx="1" />
              ) : null}
              {i % 15 === 0 || i === buckets.length - 1 ? (
                <text
                  x={i === buckets.length - 1 ? W - PAD.r : i === 0 ? x : x + slot / 2}
                  y={H - 6}
                  textAnchor={i === buckets.length - 1 ? 'end' : i === 0 ? 'start' : 'middle'}
                  className="chart-label"
                >
                  {hhmm(b.at)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="legend">
        <span>
          <i className="swatch swatch-ok" /> Delivered <strong>{totalDelivered.toLocaleString('en-US')}</strong>
        </span>
        <span>
          <i className="swatch swatch-fail" /> Failed <strong>{totalFailed.toLocaleString('en-US')}</strong>
        </span>
        <span className="muted">per minute, last {buckets.length} min</span>
      </figcaption>
    </figure>
  );
}
