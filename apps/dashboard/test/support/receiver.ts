// A real HTTP receiver on 127.0.0.1 that records what it gets and can be switched to answer 500.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  /** log_ids of the envelopes in the body (JSONLINES, JSONARRAY or JSONOBJECT). */
  logIds: string[];
}

export interface Receiver {
  url: string;
  /** Requests that could carry events; HEAD healthchecks are counted in `probes` instead. */
  requests: Received[];
  /** HEAD requests (the webhook's healthcheck), answered like the others. */
  probes(): number;
  /** Every log_id received, in order (duplicates kept: delivery is at least once). */
  logIds(): string[];
  /** Answer 500 (a transient failure: retried). */
  failing: boolean;
  /** Answer 400 (a permanent refusal: dead letters). */
  rejecting: boolean;
  close(): Promise<void>;
}

function envelopes(body: string): Array<{ log_id?: string }> {
  try {
    const parsed = JSON.parse(body) as unknown;
    return Array.isArray(parsed) ? parsed : [parsed as { log_id?: string }];
  } catch {
    return body
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { log_id?: string });
  }
}

export async function startReceiver(): Promise<Receiver> {
  const requests: Received[] = [];
  const state = { failing: false, rejecting: false, probes: 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'HEAD') state.probes++;
      if (state.failing) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('receiver is failing on purpose');
        return;
      }
      if (state.rejecting) {
        res.writeHead(400, { 'content-type': 'text/plain' });
        res.end('receiver refuses these events on purpose');
        return;
      }
      const body = Buffer.concat(chunks).toString('utf8');
      if (req.method === 'HEAD') {
        res.writeHead(200);
        res.end();
        return;
      }
      requests.push({ headers: req.headers, body, logIds: envelopes(body).map((e) => String(e.log_id)) });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    probes: () => state.probes,
    logIds: () => requests.flatMap((r) => r.logIds),
    get failing() {
      return state.failing;
    },
    set failing(v: boolean) {
      state.failing = v;
    },
    get rejecting() {
      return state.rejecting;
    },
    set rejecting(v: boolean) {
      state.rejecting = v;
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
