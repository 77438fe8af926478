// `outflow streams tail <id>`: the events the stream's destination accepts, live (PII-masked as the stream sends them).
import { intFlag, streamId } from './args.js';
import { CliError } from './cli-errors.js';
import { readSse } from './sse-reader.js';
import type { StreamsCommand } from './types.js';

interface Delivered {
  seq: number;
  log_id: string;
  type: string;
  event: unknown;
}

/** One readable line per event: seq, type, log_id and the event as sent, on one line. */
const eventLine = (d: Delivered): string => `#${d.seq}  ${d.type}  ${d.log_id}  ${JSON.stringify(d.event)}`;

export const tailCommand: StreamsCommand = {
  options: { rate: { type: 'string' }, count: { type: 'string' } },
  async run(p, ctx) {
    const id = streamId(p, 'tail');
    const rate = intFlag(p, 'rate', { min: 1, max: 1000 });
    const count = intFlag(p, 'count', { min: 1, max: Number.MAX_SAFE_INTEGER });
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    let shown = 0;
    try {
      const body = await ctx.api().openStream(`/api/v2/log-streams/${encodeURIComponent(id)}/tail${rate !== undefined ? `?rate=${rate}` : ''}`, stop.signal);
      for await (const frame of readSse(body)) {
        if (frame.event === 'ready') {
          const r = JSON.parse(frame.data) as { name: string; rate: number; pii: string | null };
          // On stderr, so stdout holds only events (one JSON object a line with --json).
          ctx.io.err(
            `Tailing ${id} ("${r.name}"): events its destination accepts, at most ${r.rate}/s${r.pii ? `, PII ${r.pii === 'hash' ? 'hashed' : 'masked'}` : ''}. Ctrl-C stops.`,
          );
        } else if (frame.event === 'delivered') {
          ctx.io.out(ctx.json ? frame.data : eventLine(JSON.parse(frame.data) as Delivered));
          if (count !== undefined && ++shown >= count) return 0;
        } else if (frame.event === 'skipped') {
          const s = JSON.parse(frame.data) as { skipped: number; rate: number };
          if (ctx.json) ctx.io.out(JSON.stringify({ skipped: s.skipped }));
          else ctx.io.out(`… ${s.skipped} event(s) skipped (above ${s.rate}/s, or the terminal fell behind)`);
        }
      }
      if (stop.signal.aborted) return 0;
      throw new CliError(`The runner at ${ctx.api().url} ended the tail (it is stopping, or the stream was removed).`);
    } catch (err) {
      if (stop.signal.aborted) return 0;
      throw err;
    } finally {
      process.off('SIGINT', onSignal);
      stop.abort();
    }
  },
};
