// A scriptable fake destination on 127.0.0.1 that records every request and answers as told.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gunzipSync } from 'node:zlib';

export interface RecordedRequest {
  /** `Date.now()` when the body was fully received. */
  at: number;
  method: string;
  /** The path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The bytes as received. */
  rawBody: Buffer;
  /** gunzipped when Content-Encoding: gzip */
  body: Buffer;
  text(): string;
  json<T = unknown>(): T;
}

/** How to answer one request: a status, a destroyed socket (`reset`) or no answer at all (`stall`). */
export type FakeAnswer =
  | { status: number; headers?: Record<string, string>; body?: string | Buffer | object; delayMs?: number }
  | { reset: true }
  | { stall: true };

export type FakeHandler = (req: RecordedRequest) => FakeAnswer | Promise<FakeAnswer>;

export interface FakeServer {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** answers the next requests in order before the handler */
  enqueue(...answers: FakeAnswer[]): void;
  setHandler(h: FakeHandler): void;
  /** live sockets (for leak checks) */
  openConnections(): number;
  /** Forgets recorded requests and queued answers and restores the default handler. */
  reset(): void;
  close(): Promise<void>;
}

export interface FakeServerOptions {
  /** Bodies larger than this are answered 413 without calling the handler. */
  maxBodyBytes?: number;
}

const defaultHandler: FakeHandler = () => ({ status: 200, body: {} });

function record(req: IncomingMessage, rawBody: Buffer, body: Buffer): RecordedRequest {
  const parsed = new URL(req.url ?? '/', 'http://127.0.0.1');
  return {
    at: Date.now(),
    method: req.method ?? '',
    path: parsed.pathname,
    query: parsed.searchParams,
    headers: req.headers,
    rawBody,
    body,
    text: () => body.toString('utf8'),
    json: <T = unknown>() => JSON.parse(body.toString('utf8')) as T,
  };
}

function decode(req: IncomingMessage, raw: Buffer): Buffer | undefined {
  if (req.headers['content-encoding'] !== 'gzip') return raw;
  try {
    return gunzipSync(raw);
  } catch {
    return undefined;
  }
}

function write(res: ServerResponse, answer: { status: number; headers?: Record<string, string>; body?: string | Buffer | object }): void {
  const headers: Record<string, string> = { ...answer.headers };
  let payload: string | Buffer = '';
  if (Buffer.isBuffer(answer.body) || typeof answer.body === 'string') payload = answer.body;
  else if (answer.body !== undefined) {
    payload = JSON.stringify(answer.body);
    if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  }
  res.writeHead(answer.status, headers);
  res.end(payload);
}

/** Starts a fake destination; every request is recorded, then answered from the queue or the handler. */
export async function startFakeServer(handler: FakeHandler = defaultHandler, options: FakeServerOptions = {}): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  const queue: FakeAnswer[] = [];
  const sockets = new Set<Socket>();
  const stalled = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();
  let current = handler;
  const maxBody = options.maxBodyBytes ?? Infinity;

  const answer = (req: IncomingMessage, res: ServerResponse, a: FakeAnswer): void => {
    if ('reset' in a) {
      req.socket.destroy();
      return;
    }
    if ('stall' in a) {
      stalled.add(res);
      return;
    }
    if (a.delayMs && a.delayMs > 0) {
      const t = setTimeout(() => {
        timers.delete(t);
        if (!res.destroyed) write(res, a);
      }, a.delayMs);
      timers.add(t);
      return;
    }
    write(res, a);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxBody) tooLarge = true;
      else chunks.push(c);
    });
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const body = tooLarge ? raw : decode(req, raw);
      const recorded = record(req, raw, body ?? raw);
      requests.push(recorded);
      if (tooLarge) return write(res, { status: 413, body: { error: 'Payload too large.' } });
      if (body === undefined) return write(res, { status: 400, body: { error: 'Body is not valid gzip.' } });
      const queued = queue.shift();
      if (queued) return answer(req, res, queued);
      Promise.resolve()
        .then(() => current(recorded))
        .then(
          (a) => answer(req, res, a),
          (err: unknown) => write(res, { status: 500, body: { error: err instanceof Error ? err.message : String(err) } }),
        );
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    enqueue: (...answers) => void queue.push(...answers),
    setHandler: (h) => void (current = h),
    openConnections: () => sockets.size,
    reset: () => {
      requests.length = 0;
      queue.length = 0;
      current = handler;
    },
    close: () =>
      (closed ??= (async () => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        stalled.clear();
        const gone = [...sockets].map((s) => new Promise<void>((done) => void s.once('close', () => done())));
        for (const s of sockets) s.destroy();
        await Promise.all([new Promise<void>((done) => server.close(() => done())), ...gone]);
      })()),
  };
}
