// The network guard: connections outside loopback fail at once with the guard's error (no timeout), loopback works.
import dns from 'node:dns';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NETWORK_GUARD_CODE, takeRefusals } from '../network-guard.js';

let server: http.Server;
let port: number;
beforeAll(async () => {
  server = http.createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type LookupCallback = (err: Error | null, address?: string | Array<{ address: string; family: number }>, family?: number) => void;

/** A custom lookup answering `address` in either shape Node asks for (one address, or all of them). */
const answering = (address: string) => (_host: string, options: { all?: boolean }, cb: LookupCallback) =>
  options.all ? cb(null, [{ address, family: 4 }]) : cb(null, address, 4);

/** The error of a socket that must fail, within 2 s (a real connection attempt to TEST-NET would hang far longer). */
function socketError(socket: net.Socket): Promise<NodeJS.ErrnoException> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no error within 2 s')), 2000);
    socket.on('error', (error) => {
      clearTimeout(timer);
      resolve(error);
    });
    socket.on('connect', () => reject(new Error('connected')));
  });
}

function get(url: string, options: http.RequestOptions = {}): Promise<{ status?: number; error?: NodeJS.ErrnoException }> {
  return new Promise((resolve) => {
    const req = http.get(url, options, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode }));
    });
    req.on('error', (error) => resolve({ error }));
  });
}

describe('network guard', () => {
  it('refuses TEST-NET and private addresses with its own error, naming the address', async () => {
    for (const [host, p] of [
      ['192.0.2.1', 443],
      ['10.0.0.1', 80],
      ['::ffff:10.0.0.1', 80],
      ['2001:db8::1', 443],
    ] as const) {
      const error = await socketError(net.connect(p, host));
      expect(error.code).toBe(NETWORK_GUARD_CODE);
      expect(error.message).toContain(host);
    }
    expect(takeRefusals()).toHaveLength(4);
  });

  it('refuses through node:http and node:tls as well', async () => {
    const answer = await get('http://10.0.0.1:8080/x');
    expect(answer.error?.code).toBe(NETWORK_GUARD_CODE);
    expect(answer.error?.message).toContain('10.0.0.1:8080');
    const error = await socketError(tls.connect({ host: '192.0.2.1', port: 443 }));
    expect(error.code).toBe(NETWORK_GUARD_CODE);
    expect(takeRefusals()).toHaveLength(2);
  });

  it('refuses fetch (undici) to an outside address', async () => {
    const error = (await fetch('http://192.0.2.1:8080/').catch((e: unknown) => e)) as Error & { cause?: NodeJS.ErrnoException };
    expect(error.cause?.code).toBe(NETWORK_GUARD_CODE);
    expect(takeRefusals().join('\n')).toContain('192.0.2.1:8080');
  });

  it('refuses DNS lookups of names that are not local', async () => {
    await expect(dns.promises.lookup('example.com')).rejects.toMatchObject({ code: NETWORK_GUARD_CODE });
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => dns.lookup('example.com', (e) => resolve(e)));
    expect(error?.message).toContain('example.com');
    expect(takeRefusals()).toHaveLength(2);
  });

  it('checks what a custom lookup answers, and lets its own refusal through first', async () => {
    const answer = await get(`http://internal.example:${port}/`, { lookup: answering('10.1.2.3') as never });
    expect(answer.error?.code).toBe(NETWORK_GUARD_CODE);
    expect(answer.error?.message).toContain('internal.example');
    expect(answer.error?.message).toContain('10.1.2.3');
    expect(takeRefusals()).toHaveLength(1);

    const own = Object.assign(new Error('Destination x resolves to private address 10.1.2.3.'), { code: 'EGRESS_REFUSED' });
    const refusing = (_h: string, _o: object, cb: LookupCallback) => cb(own);
    expect((await get(`http://internal.example:${port}/`, { lookup: refusing as never })).error).toBe(own);
    expect(takeRefusals()).toHaveLength(0);
  });

  it('lets loopback through: 127.0.0.1, localhost, a mapped loopback, a custom lookup answering loopback, fetch', async () => {
    expect((await get(`http://127.0.0.1:${port}/`)).status).toBe(200);
    expect((await get(`http://localhost:${port}/`, { family: 4 })).status).toBe(200);
    expect((await get(`http://[::ffff:127.0.0.1]:${port}/`)).status).toBe(200);
    expect((await get(`http://rebind.example:${port}/`, { lookup: answering('127.0.0.1') as never })).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
    expect(takeRefusals()).toHaveLength(0);
  });
});
