// http(s) agents for connectors with the egress guard built in: DNS answers and every connected socket's peer are checked.
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import type { EgressGuard } from './egress.js';

type CreateConnection = (options: object, callback?: (err: Error | null, socket?: Socket) => void) => Socket | undefined;

/**
 * Checks the socket's remote address as soon as it connects, before any byte of a request or
 * a TLS hello goes out (the listener runs first; writes wait for `connect`), and destroys it
 * with the EgressError when refused. Catches IP literals (Node skips `lookup` for them),
 * every DNS answer and rebinding alike.
 */
function watchSocket(socket: Socket, guard: EgressGuard, host: string | undefined, watched: WeakSet<Socket>): void {
  if (watched.has(socket)) return;
  watched.add(socket);
  const check = () => {
    try {
      guard.checkAddress(socket.remoteAddress, host);
    } catch (err) {
      socket.destroy(err as Error);
    }
  };
  if (socket.connecting || !socket.remoteAddress) socket.prependOnceListener('connect', check);
  else check();
}

function guardAgent<A extends http.Agent>(agent: A, guard: EgressGuard): A {
  const target = agent as unknown as { createConnection: CreateConnection };
  const create = target.createConnection;
  const watched = new WeakSet<Socket>();
  target.createConnection = function guardedCreateConnection(this: unknown, options, callback) {
    const host = (options as { host?: string }).host;
    // A custom createConnection may hand its socket over through the callback only.
    const onCreate =
      callback &&
      ((err: Error | null, created?: Socket) => {
        if (created) watchSocket(created, guard, host, watched);
        callback(err, created);
      });
    const socket = create.call(this, options, onCreate);
    if (socket) watchSocket(socket, guard, host, watched);
    return socket;
  };
  return agent;
}

/** An http.Agent whose sockets pass the egress guard (options as for `new http.Agent`; `lookup` is the guard's). */
export function createEgressHttpAgent(guard: EgressGuard, options: http.AgentOptions = {}): http.Agent {
  return guardAgent(new http.Agent({ ...options, lookup: guard.lookup } as http.AgentOptions), guard);
}

/** An https.Agent whose sockets pass the egress guard (options as for `new https.Agent`; `lookup` is the guard's). */
export function createEgressHttpsAgent(guard: EgressGuard, options: https.AgentOptions = {}): https.Agent {
  return guardAgent(new https.Agent({ ...options, lookup: guard.lookup } as https.AgentOptions), guard);
}
