// A real HTTP receiver on 127.0.0.1 for end-to-end tests: records delivered envelopes, can be scripted to fail.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { eventually } from './wait.js';

export interface ReceivedRequest {
  at: number;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  envelopes: Array<{ log_id: string; data: Record<string, unknown> }>;
}

export type Script = (req: ReceivedRequest) => { status: number; headers?: Record<string, string>; delayMs?: number } | undefined;

export interface Receiver {
  url: string;
  /** Requests that could carry events (every method but HEAD). */
  requests: ReceivedRequest[];
  /** HEAD requests: the webhook's healthcheck (start probes, probe routes), answered by `probeScript` (200 by default). */
  probes: ReceivedRequest[];
  /** Requests answered 2xx, and the log_ids they carried. */
  accepted: ReceivedRequest[];
  ids(): string[];
  uniqueIds(): Set<string>;
  /** Answers requests that could carry events; HEAD probes are not passed to it. */
  script(fn: Script | undefined): void;
  probeScript(fn: Script | undefined): void;
  waitFor(pred: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

function parseEnvelopes(body: string): ReceivedRequest['envelopes'] {
  const text = body.trim();
  if (!text) return [];
  if (text.startsWith('[')) return JSON.parse(text);
  return text.split('\n').map((l) => JSON.parse(l));
}

export async function startReceiver(): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const probes: ReceivedRequest[] = [];
  const accepted: ReceivedRequest[] = [];
  let script: Script | undefined;
  let probeScript: Script | undefined;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let raw = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip') raw = gunzipSync(raw);
      const body = raw.toString('utf8');
      const method = req.method ?? 'GET';
      const rec: ReceivedRequest = {
        at: Date.now(),
        method,
        path: req.url ?? '/',
        headers: req.headers,
        body,
        envelopes: method === 'POST' ? parseEnvelopes(body) : [],
      };
      (method === 'HEAD' ? probes : requests).push(rec);
      const answer = (method === 'HEAD' ? probeScript : script)?.(rec) ?? { status: 200 };
      if (method !== 'HEAD' && answer.status >= 200 && answer.status < 300) accepted.push(rec);
      const reply = () => {
        if (res.destroyed) return;
        res.writeHead(answer.status, answer.headers ?? {});
        res.end(answer.status >= 400 ? `{"error":"scripted ${answer.status}"}` : '');
      };
      if (answer.delayMs) setTimeout(reply, answer.delayMs);
      else reply();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    probes,
    accepted,
    ids: () => accepted.flatMap((r) => r.envelopes.map((e) => e.log_id)),
    uniqueIds: () => new Set(accepted.flatMap((r) => r.envelopes.map((e) => e.log_id))),
    script: (fn) => (script = fn),
    probeScript: (fn) => (probeScript = fn),
    waitFor: (pred, timeoutMs = 30_000) => eventually(pred, timeoutMs, 'Timed out waiting for the receiver.'),
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
