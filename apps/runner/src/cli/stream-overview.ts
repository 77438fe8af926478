// Each stream's health (and optionally its recent stats) fetched a few at a time, for the list table and `top`.
import type { ApiClient, StreamHealthView, StreamStatsView, StreamView } from './types.js';

/** Requests in flight at once. */
const AT_ONCE = 8;

export interface StreamOverview {
  stream: StreamView;
  /** Null when the health could not be read (the stream was deleted meanwhile, or the call failed). */
  health: StreamHealthView | null;
  stats: StreamStatsView | null;
}

async function pool<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, items.length) }, lane));
  return out;
}

const path = (id: string, op: string) => `/api/v2/log-streams/${encodeURIComponent(id)}/${op}`;

export async function fetchOverview(api: ApiClient, streams: readonly StreamView[], withStats = false): Promise<StreamOverview[]> {
  return pool(streams, async (stream) => {
    const [health, stats] = await Promise.all([
      api.request<StreamHealthView>('GET', `${path(stream.id, 'health')}?limit=1`).then(
        (a) => a.body,
        () => null,
      ),
      withStats
        ? api.request<StreamStatsView>('GET', `${path(stream.id, 'stats')}?minutes=2`).then(
            (a) => a.body,
            () => null,
          )
        : null,
    ]);
    return { stream, health, stats };
  });
}

/** Lag as "N ev / S s", or "?" without health. */
export const lagText = (h: StreamHealthView | null): string => (h ? `${h.lagEvents} ev / ${h.lagSeconds} s` : '?');

/** How long ago an ISO time was, shortly ("12s ago", "3m ago"), or "never". */
export function agoText(iso: string | null | undefined, now: number): string {
  if (!iso) return 'never';
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.round(s / 60)}m ago`;
  if (s < 172_800) return `${Math.round(s / 3600)}h ago`;
  return `${Math.round(s / 86_400)}d ago`;
}
