// The HTTP server's limits on real sockets: slow bodies and headers get 408, idle keep-alive closes, maxConnections holds.
import { afterEach, describe, expect, it } from 'vitest';
import { baseConfig, startTestApp, TOKEN, type TestApp } from './support/app.js';
import { ndjson, makeEvent } from './support/events.js';
import { rawConnect, rawGet, type RawClient } from './support/raw-socket.js';
import { eventually } from './support/wait.js';

let app: TestApp | undefined;
const clients: RawClient[] = [];
let dribble: NodeJS.Timeout | undefined;
afterEach(async () => {
  clearInterval(dribble);
  for (const c of clients.splice(0)) c.socket.destroy();
  await app?.stop();
  app = undefined;
});

const withServer = (settings: string) => baseConfig('').replace('server: { host: 127.0.0.1, port: 0 }', `server: { host: 127.0.0.1, port: 0, ${settings} }`);

async function open(url: string): Promise<RawClient> {
  const c = await rawConnect(url);
  clients.push(c);
  return c;
}

describe('HTTP limits', () => {
  it('answers 408 and closes when a body with a valid token dribbles in slower than server.requestTimeout', async () => {
    app = await startTestApp(withServer('requestTimeout: 2s, headersTimeout: 500ms'));
    const body = ndjson([makeEvent()]);
    const c = await open(app.url);
    const started = Date.now();
    c.socket.write(
      `POST /v1/logs HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/x-ndjson\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    let sent = 0;
    // One byte every 50 ms: the body would take longer than the timeout; headers came in time.
    dribble = setInterval(() => sent < body.length - 1 && !c.closed() && c.socket.write(body[sent++] as string), 50);
    await c.waitClosed(8_000);
    const elapsed = (c.closedAt() as number) - started;
    expect(c.received()).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(sent).toBeGreaterThan(10); // bytes kept arriving, yet the whole request was late
    expect(elapsed).toBeGreaterThanOrEqual(1900);
    expect(elapsed).toBeLessThan(5000);
    expect(app.logs.join('')).not.toContain('A request failed unexpectedly.');
  }, 15_000);

  it('answers 408 when headers are not complete within server.headersTimeout', async () => {
    app = await startTestApp(withServer('requestTimeout: 5s, headersTimeout: 500ms'));
    const c = await open(app.url);
    const started = Date.now();
    c.socket.write(`GET /api/v2/log-streams HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKEN}\r\n`); // no blank line
    await c.waitClosed(8_000);
    expect(c.received()).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    const elapsed = (c.closedAt() as number) - started;
    expect(elapsed).toBeGreaterThanOrEqual(450);
    expect(elapsed).toBeLessThan(4000); // well before requestTimeout
  }, 15_000);

  it('closes an idle keep-alive connection after server.keepAliveTimeout', async () => {
    app = await startTestApp(withServer('keepAliveTimeout: 300ms'));
    const c = await open(app.url);
    c.socket.write(rawGet('/health'));
    await c.waitFor(/"status":"ok"/);
    const answeredAt = Date.now();
    await c.waitClosed(5_000);
    expect((c.closedAt() as number) - answeredAt).toBeGreaterThanOrEqual(250);
  }, 10_000);

  it('closes connections beyond server.maxConnections at once while the open ones keep working', async () => {
    app = await startTestApp(withServer('maxConnections: 2'));
    const [a, b] = [await open(app.url), await open(app.url)] as [RawClient, RawClient];
    // An answer on each proves the server counted both.
    a.socket.write(rawGet('/health'));
    b.socket.write(rawGet('/health'));
    await a.waitFor(/"status":"ok"/);
    await b.waitFor(/"status":"ok"/);
    const extra = await open(app.url);
    extra.socket.write(rawGet('/health'));
    await extra.waitClosed(5_000);
    expect(extra.received()).toBe('');
    a.socket.write(rawGet('/health'));
    await a.waitFor(/"status":"ok"[\s\S]*"status":"ok"/);
    expect(a.closed() || b.closed()).toBe(false);
    // Once one closes, a new connection is served again.
    b.socket.end();
    await b.waitClosed();
    let next: RawClient | undefined;
    await eventually(() => app!.logs.join('').includes('Connections were closed at once'), 5_000, 'The dropped connection was not logged.');
    for (const deadline = Date.now() + 5_000; !next && Date.now() < deadline; ) {
      const c = await open(app.url);
      c.socket.write(rawGet('/health'));
      await eventually(() => c.closed() || /"status":"ok"/.test(c.received()), 5_000);
      if (!c.closed()) next = c;
    }
    expect(next?.received()).toMatch(/^HTTP\/1\.1 200 OK/);
  }, 15_000);
});
