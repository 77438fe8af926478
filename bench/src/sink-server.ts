// The sink process: one HTTP server for every stream (/s/<name>) that counts deliveries by log_id, cheaply.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { compileFilter, type EventFilter } from '@outflow/core';
import { serveIpc, wallNow } from './ipc.js';
import type { SinkFirstNotice, SinkReport, SinkSetup, SinkStreamReport } from './sink-types.js';

interface StreamState extends SinkStreamReport {
  filter: EventFilter | null;
  seen: Uint8Array;
}

const NL = 0x0a;
const LOG_ID = Buffer.from('"log_id":"');
/** log_ids are 56 digits; the last 15 are the event index (see @outflow/samples). */
const ID_LEN = 56;
const INDEX_DIGITS = 15;

let setup: SinkSetup | null = null;
const streams = new Map<string, StreamState>();
let uniqueTotal = 0;
let firstAt: number | null = null;
let lastAt: number | null = null;
let busyMs = 0;
let arrivals: Float64Array | undefined;
let doneSent = false;
/** Push `watch` when an event with at least this index arrives (replay), then stop watching. */
let watchMin: number | null = null;
/** The lowest index at or above the watched one seen since the watch began (requests in flight may land out of order). */
let watchFloor: number | null = null;
let watchLowest: number | null = null;

function indexAt(buf: Buffer, start: number): number {
  let n = 0;
  for (let i = start; i < start + INDEX_DIGITS; i++) n = n * 10 + (buf[i] as number) - 48;
  return n;
}

/** Counts the lines of `body` (whole lines; the last may lack its newline). */
function consumeLines(s: StreamState, body: Buffer, now: number): void {
  const cfg = setup as SinkSetup;
  let lineStart = 0;
  while (lineStart < body.length) {
    let end = body.indexOf(NL, lineStart);
    if (end < 0) end = body.length;
    if (end > lineStart) {
      s.lines++;
      const at = body.indexOf(LOG_ID, lineStart);
      const idStart = at + LOG_ID.length;
      const index = at < 0 || idStart + ID_LEN > end || body[idStart + ID_LEN] !== 0x22 ? -1 : indexAt(body, idStart + ID_LEN - INDEX_DIGITS);
      if (watchFloor !== null && index >= watchFloor && (watchLowest === null || index < watchLowest)) watchLowest = index;
      if (watchMin !== null && index >= watchMin) {
        watchMin = null;
        notify('watch', { at: now, index, stream: s.name } satisfies SinkFirstNotice);
      }
      if (index < 0 || index >= cfg.events) s.unknown++;
      else if ((s.seen[index >> 3] as number) & (1 << (index & 7))) s.duplicates++;
      else {
        s.seen[index >> 3] = (s.seen[index >> 3] as number) | (1 << (index & 7));
        s.unique++;
        uniqueTotal++;
        if (s.filter && cfg.types && !s.filter.matches(cfg.types[index] as string)) s.unexpected++;
        if (arrivals) arrivals[index] = now;
        if (firstAt === null) {
          firstAt = now;
          notify('first', { at: now, index, stream: s.name } satisfies SinkFirstNotice);
        }
      }
    }
    lineStart = end + 1;
  }
}

/**
 * Counts a request's events chunk by chunk: only a line split between two chunks is copied,
 * not the whole body, so the sink spends less of the shared CPU than the runner it measures.
 */
function consume(s: StreamState, chunks: readonly Buffer[], now: number): void {
  const cfg = setup as SinkSetup;
  let carry: Buffer | null = null;
  for (let chunk of chunks) {
    if (carry) {
      const nl = chunk.indexOf(NL);
      if (nl < 0) {
        carry = Buffer.concat([carry, chunk]);
        continue;
      }
      consumeLines(s, Buffer.concat([carry, chunk.subarray(0, nl + 1)]), now);
      carry = null;
      chunk = chunk.subarray(nl + 1);
    }
    const last = chunk.lastIndexOf(NL);
    if (last < 0) {
      carry = chunk;
      continue;
    }
    consumeLines(s, chunk.subarray(0, last + 1), now);
    if (last + 1 < chunk.length) carry = chunk.subarray(last + 1);
  }
  if (carry) consumeLines(s, carry, now);
  lastAt = now;
  if (!doneSent && uniqueTotal >= cfg.expectedTotal && cfg.expectedTotal > 0) {
    doneSent = true;
    notify('done', { at: now });
  }
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'POST') {
    // A probe's HEAD gets a length as real intakes send, so its keep-alive socket is reused like a delivery's.
    res.writeHead(req.method === 'HEAD' ? 200 : 405, { 'content-length': '0' }).end();
    return;
  }
  const name = decodeURIComponent((req.url ?? '').replace(/^\/s\//, '').split('?')[0] ?? '');
  const s = streams.get(name);
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const now = wallNow();
    if (!s) {
      res.writeHead(404).end();
      return;
    }
    const t = performance.now();
    s.requests++;
    consume(s, chunks, now);
    busyMs += performance.now() - t;
    res.writeHead(200, { 'content-length': '0' }).end();
  });
}

const server = createServer({ keepAliveTimeout: 60_000 }, handle);
server.listen(0, '127.0.0.1');

const notify = serveIpc({
  async setup(args) {
    setup = args as SinkSetup;
    streams.clear();
    uniqueTotal = 0;
    firstAt = lastAt = null;
    busyMs = 0;
    doneSent = false;
    arrivals = setup.trackArrivals ? new Float64Array(setup.events) : undefined;
    for (const spec of setup.streams) {
      streams.set(spec.name, {
        name: spec.name,
        lines: 0,
        unique: 0,
        duplicates: 0,
        unexpected: 0,
        unknown: 0,
        requests: 0,
        filter: compileFilter(spec.filters),
        seen: new Uint8Array(Math.ceil(setup.events / 8)),
      });
    }
    if (!server.listening) await new Promise((ok) => server.once('listening', ok));
    const address = server.address();
    return { port: typeof address === 'object' && address ? address.port : 0 };
  },
  progress: () => ({ uniqueTotal, lastAt }),
  watch(args) {
    watchMin = watchFloor = (args as { minIndex: number }).minIndex;
    watchLowest = null;
    return null;
  },
  watchLowest: () => ({ index: watchLowest }),
  report(): SinkReport {
    const list = [...streams.values()].map(({ filter: _f, seen: _s, ...r }) => r);
    return { streams: list, uniqueTotal, firstAt, lastAt, busyMs: Math.round(busyMs), ...(arrivals ? { arrivals } : {}) };
  },
});
