// `outflow top`: every stream's status, events/s, lag and last error, refreshed in place on a terminal (once otherwise).
import { setTimeout as sleep } from 'node:timers/promises';
import { flag, intFlag, noPositionals } from './args.js';
import { fetchOverview } from './stream-overview.js';
import { deltaRate, statsRate, topReport, type TopRow } from './top-format.js';
import type { CommandContext, StreamView, StreamsCommand } from './types.js';

/** Clears the screen and homes the cursor before each refresh. */
const CLEAR = '\x1b[H\x1b[2J';

type Readings = Map<string, { delivered: number; at: number }>;

async function sample(ctx: CommandContext, before: Readings): Promise<TopRow[]> {
  const api = ctx.api();
  const { body: streams } = await api.request<StreamView[]>('GET', '/api/v2/log-streams');
  const now = Date.now();
  // The first reading of a stream takes its rate from the stats window; later ones from the delivered counter.
  const rows = await fetchOverview(
    api,
    streams,
    streams.some((s) => !before.has(s.id)),
  );
  return rows.map((r) => {
    const prev = before.get(r.stream.id);
    const rate = r.health && prev ? deltaRate(prev, r.health.delivered, now) : statsRate(r.stats, now);
    if (r.health) before.set(r.stream.id, { delivered: r.health.delivered, at: now });
    return { ...r, rate };
  });
}

export const topCommand: StreamsCommand = {
  options: { once: { type: 'boolean' }, interval: { type: 'string' } },
  async run(p, ctx) {
    noPositionals(p, 'top');
    const seconds = intFlag(p, 'interval', { min: 1, max: 3600 }) ?? 2;
    const readings: Readings = new Map();
    const render = (rows: TopRow[]) => topReport(rows, { url: ctx.api().url, now: Date.now(), color: ctx.io.color });
    if (flag(p, 'once') || !ctx.io.tty || ctx.json) {
      const rows = await sample(ctx, readings);
      ctx.show(rows, () => render(rows));
      return 0;
    }
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      while (!stop.signal.aborted) {
        const rows = await sample(ctx, readings);
        ctx.io.out(`${CLEAR}${render(rows)}\n\nRefreshing every ${seconds} s; Ctrl-C quits.`);
        await sleep(seconds * 1000, undefined, { signal: stop.signal }).catch(() => undefined);
      }
      return 0;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  },
};
