// The egress agents check every connected socket's peer: IP literals and names that slip past DNS checks never get a byte.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEgressGuard, createEgressHttpAgent, createEgressHttpsAgent, type DnsLookup, type EgressGuard } from '../src/index.js';

/** A TCP server on 127.0.0.1 that counts connections and bytes and answers any HTTP request with 200. */
let server: net.Server;
let port = 0;
let bytes = 0;
let connections = 0;
let closed = 0;

async function waitFor(condition: () => boolean, what: string, deadlineMs = 5_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

beforeAll(async () => {
  server = net.createServer((socket) => {
    connections++;
    socket.on('data', (chunk) => {
      bytes += chunk.length;
      if (chunk.includes('\r\n\r\n')) socket.end('HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok');
    });
    socket.on('error', () => {});
    socket.on('close', () => closed++);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const toLoopback: DnsLookup = (_hostname, _options, callback) => callback(null, [{ address: '127.0.0.1', family: 4 }]);
const strict = createEgressGuard({ allowHttp: true, allowPrivateNetworks: false }, toLoopback);
const open = createEgressGuard({ allowHttp: true, allowPrivateNetworks: true }, toLoopback);
/** A strict guard whose DNS step lets everything through, as a rebinding between check and connect would. */
const slipped: EgressGuard = { ...strict, lookup: open.lookup };

function get(agent: http.Agent, hostname: string, secure = false): Promise<{ status?: number; error?: Error & { code?: string } }> {
  return new Promise((resolve) => {
    const send = secure ? https.request : http.request;
    const req = send({ hostname, port, path: '/hook', method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode }));
    });
    req.on('error', (error) => resolve({ error }));
    req.end('{"secret":"s3cr3t"}');
  });
}

async function expectNothingSent(run: () => Promise<{ error?: Error & { code?: string } }>, address: string): Promise<void> {
  const before = { bytes, connections };
  const { error } = await run();
  expect(error).toMatchObject({ code: 'EGRESS_REFUSED', message: expect.stringContaining(address) });
  expect(error?.message).not.toContain('s3cr3t');
  // The TCP handshake completes before the check; once the server saw that connection close, no byte may have arrived.
  await waitFor(() => closed === connections, 'the refused connection to close on the server');
  expect(bytes - before.bytes).toBe(0);
  expect(connections - before.connections).toBeLessThanOrEqual(1);
}

describe('egress agents: the connected socket is checked', () => {
  it('reaches the local server when private networks are allowed (the control)', async () => {
    const agent = createEgressHttpAgent(open);
    expect(await get(agent, '::ffff:127.0.0.1')).toEqual({ status: 200 });
    expect(await get(agent, 'loopback.example')).toEqual({ status: 200 });
    agent.destroy();
  });

  it('refuses an IPv4-mapped literal, which Node connects without any lookup', async () => {
    const agent = createEgressHttpAgent(strict, { keepAlive: true });
    await expectNothingSent(() => get(agent, '::ffff:127.0.0.1'), '::ffff:127.0.0.1');
    await expectNothingSent(() => get(agent, '127.0.0.1'), '127.0.0.1');
    agent.destroy();
  });

  it('refuses a name whose lookup answers loopback (at the lookup)', async () => {
    const agent = createEgressHttpAgent(strict);
    await expectNothingSent(() => get(agent, 'loopback.example'), '127.0.0.1');
    agent.destroy();
  });

  it('refuses a name resolving to loopback when the DNS step let it through (rebinding), on the socket', async () => {
    const agent = createEgressHttpAgent(slipped, { keepAlive: true });
    const before = connections;
    await expectNothingSent(() => get(agent, 'rebound.example'), 'rebound.example (127.0.0.1)');
    expect(connections - before).toBe(1);
    agent.destroy();
  });

  it('refuses before the TLS hello on https agents', async () => {
    const agent = createEgressHttpsAgent(slipped, { keepAlive: true });
    await expectNothingSent(() => get(agent, '::ffff:127.0.0.1', true), '::ffff:127.0.0.1');
    await expectNothingSent(() => get(agent, 'rebound.example', true), '127.0.0.1');
    agent.destroy();
  });
});
