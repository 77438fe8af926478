// One tail connection as server-sent events: samples above a rate, skips while the socket is backed up, notes what it skipped.
import type { ServerResponse } from 'node:http';
import type { LogBatch } from '@outflow/core';
import type { TailListener, TailSessionOptions } from './types.js';

export interface TailSession extends TailListener {
  /** Stops the session's timer (the connection closed). */
  dispose(): void;
}

/** One SSE frame; `data` is JSON text on one line. */
export const sseFrame = (event: string, data: string, id?: number): string => `${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${data}\n\n`;

/** The event's stored text as JSON (it is the `{log_id, data}` envelope), or as a string when it does not parse. */
function eventJson(raw: string): string {
  try {
    JSON.parse(raw);
    return raw.replace(/\r?\n/g, ' ');
  } catch {
    return JSON.stringify(raw);
  }
}

export function createTailSession(res: ServerResponse, o: TailSessionOptions): TailSession {
  let windowStart = o.now();
  let sent = 0;
  let skipped = 0;
  let idle = 0;
  const backedUp = () => res.writableLength > o.maxBufferedBytes;
  const flushSkipped = () => {
    if (skipped === 0 || backedUp()) return;
    res.write(sseFrame('skipped', JSON.stringify({ skipped, rate: o.rate })));
    skipped = 0;
  };
  const tickMs = o.tickMs ?? 1000;
  const timer = setInterval(() => {
    flushSkipped();
    // A comment line every ~15 s keeps proxies from closing an idle tail.
    if (++idle * tickMs >= 15_000 && !backedUp()) {
      idle = 0;
      res.write(': keep-alive\n\n');
    }
  }, tickMs);
  timer.unref();
  return {
    deliver(batch: LogBatch) {
      for (let i = 0; i < batch.length; i++) {
        const now = o.now();
        if (now - windowStart >= 1000) {
          windowStart = now;
          sent = 0;
        }
        if (sent >= o.rate || backedUp()) {
          skipped++;
          continue;
        }
        flushSkipped();
        sent++;
        idle = 0;
        const seq = batch.seqs[i] as number;
        const data = `{"seq":${seq},"log_id":${JSON.stringify(batch.logIds[i])},"type":${JSON.stringify(batch.types[i])},"event":${eventJson(batch.raw(i).toString('utf8'))}}`;
        res.write(sseFrame('delivered', data, seq));
      }
    },
    close() {
      clearInterval(timer);
      res.end();
    },
    dispose() {
      clearInterval(timer);
    },
  };
}
