// A raw TCP client for HTTP tests that need to hold a request open, send it slowly or count connections.
import { connect, type Socket } from 'node:net';
import { eventually } from './wait.js';

export interface RawClient {
  socket: Socket;
  /** Everything the server sent so far. */
  received(): string;
  /** True once the server (or the network) closed the connection. */
  closed(): boolean;
  /** When the connection closed (Date.now()), or null while open. */
  closedAt(): number | null;
  /** Waits until the received text matches, or fails after the deadline. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  waitClosed(timeoutMs?: number): Promise<void>;
}

/** Connects to an `http://host:port` URL; resolves once the TCP connection is up (or closed at once). */
export async function rawConnect(url: string): Promise<RawClient> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  let text = '';
  let closedAt: number | null = null;
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (text += chunk));
  socket.on('error', () => {}); // a reset shows as a close
  socket.on('close', () => (closedAt = Date.now()));
  await new Promise<void>((ok) => {
    socket.once('connect', ok);
    socket.once('close', ok);
  });
  return {
    socket,
    received: () => text,
    closed: () => closedAt !== null,
    closedAt: () => closedAt,
    waitFor: (pattern, timeoutMs = 10_000) =>
      eventually(() => pattern.test(text), timeoutMs, `The server did not send ${pattern} in time; it sent: ${JSON.stringify(text)}`),
    waitClosed: (timeoutMs = 10_000) => eventually(() => closedAt !== null, timeoutMs, 'The server did not close the connection in time.'),
  };
}

/** A keep-alive GET of `path` as raw text. */
export function rawGet(path: string): string {
  return `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n`;
}
