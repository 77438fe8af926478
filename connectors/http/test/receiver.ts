// A scriptable HTTP receiver on 127.0.0.1 that records every request (headers, raw and decoded body).
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gunzipSync } from 'node:zlib';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  /** The bytes as received. */
  raw: Buffer;
  /** The body after undoing Content-Encoding: gzip. */
  body: Buffer;
  text: string;
}

/** How to answer one request. */
export interface Step {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Never answer (the client must time out or abort). */
  stall?: boolean;
  /** Destroy the socket instead of answering. */
  destroy?: boolean;
}

export interface Receiver {
  readonly url: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  /** Answers for the next requests, in order; afterwards `fallback` (default 200) applies. */
  script(...steps: Step[]): void;
  /** Decides the answer of each request not covered by `script`. */
  respond(fn: (req: RecordedRequest) => Step): void;
  /** Resolves when `n` requests have been recorded. */
  waitFor(n: number): Promise<void>;
  openConnections(): number;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const requests: RecordedRequest[] = [];
  const queue: Step[] = [];
  let fallback: (req: RecordedRequest) => Step = () => ({ status: 200 });
  const sockets = new Set<Socket>();
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  const stalled = new Set<ServerResponse>();

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const body = req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
      const recorded: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, raw, body, text: body.toString('utf8') };
      requests.push(recorded);
      for (const w of waiters.splice(0))
        if (requests.length >= w.n) w.resolve();
        else waiters.push(w);
      const step = queue.shift() ?? fallback(recorded);
      const answer = () => {
        if (step.destroy) {
          req.socket.destroy();
          return;
        }
        if (step.stall) {
          stalled.add(res);
          return;
        }
        res.writeHead(step.status ?? 200, step.headers ?? {});
        res.end(step.body ?? '');
      };
      if (step.delayMs) setTimeout(answer, step.delayMs);
      else answer();
    });
  };

  const server = createServer(handle);
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/hook`,
    port,
    requests,
    script: (...steps) => void queue.push(...steps),
    respond: (fn) => void (fallback = fn),
    waitFor: (n) => (requests.length >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve }))),
    openConnections: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        stalled.clear();
        server.close(() => resolve());
      }),
  };
}

/** A URL on 127.0.0.1 where nothing listens. */
export async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/hook`;
}
