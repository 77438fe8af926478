// One HTTP transport per runner: every stream's connector sends through the container's keep-alive pool, closed at shutdown.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { HttpTransport } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { Tokens } from '../src/index.js';
import { baseConfig, TOKEN } from './support/app.js';
import { ingest, makeEvent } from './support/events.js';
import { useTestApp } from './support/use-test-app.js';
import { eventually } from './support/wait.js';

/** A keep-alive destination that counts the events it got and keeps track of its open client sockets. */
interface Destination {
  url: string;
  port: number;
  events: number;
  open: Set<Socket>;
  close(): Promise<void>;
}

async function destination(): Promise<Destination> {
  const open = new Set<Socket>();
  const d = { events: 0 } as Destination;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      if (req.method === 'POST') d.events += body.trim().split('\n').filter(Boolean).length;
      res.end();
    });
  });
  server.keepAliveTimeout = 60_000;
  server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return Object.assign(d, {
    url: `http://127.0.0.1:${port}`,
    port,
    open,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  });
}

const t = useTestApp();

const stream = (name: string, d: Destination) =>
  `  - { name: ${name}, type: http, tenant: acme, sink: { httpEndpoint: "${d.url}/${name}", httpContentFormat: JSONLINES } }\n`;

describe("the runner's HTTP transport", () => {
  it("carries every stream's deliveries in one keep-alive pool, and shutdown closes its sockets", async () => {
    const a = t.closeAfter(await destination());
    const b = t.closeAfter(await destination());
    const app = await t.start(baseConfig(stream('a', a) + stream('b', b)));
    expect(
      (
        await ingest(
          app.url,
          TOKEN,
          Array.from({ length: 10 }, () => makeEvent()),
        )
      ).status,
    ).toBe(202);
    await eventually(() => a.events === 10 && b.events === 10, 20_000, 'Both streams did not deliver their 10 events.');
    // The container's transport holds both destinations' kept-alive sockets: both connectors sent through it.
    const transport = app.container.resolve<HttpTransport>(Tokens.HttpTransport);
    const { http } = transport.nodeAgents();
    const pooled = Object.keys({ ...http.sockets, ...http.freeSockets });
    expect(pooled.some((k) => k.includes(`:${a.port}:`))).toBe(true);
    expect(pooled.some((k) => k.includes(`:${b.port}:`))).toBe(true);
    expect(a.open.size + b.open.size).toBeGreaterThan(0);
    await app.close(2000);
    // Closed after the supervisor: the destinations see every connection end although they would keep it alive a minute.
    await eventually(() => a.open.size === 0 && b.open.size === 0, 5000, "The transport's sockets were still open after shutdown.");
    await expect(transport.request({ method: 'GET', url: `${a.url}/after`, headers: {}, signal: AbortSignal.timeout(1000) })).rejects.toMatchObject({
      code: 'ECLOSED',
    });
  }, 30_000);
});
