// Keep-alive agents shared by every webhook stream of a runner (same egress guard), counted by users.
import http from 'node:http';
import https from 'node:https';
import type { EgressGuard } from '@outflow/core';

export interface AgentLease {
  httpAgent: http.Agent;
  httpsAgent: https.Agent;
  /** Gives the agents back; the last user's release destroys their sockets. */
  release(): void;
}

interface Shared {
  httpAgent: http.Agent;
  httpsAgent: https.Agent;
  users: number;
}

const byLookup = new Map<EgressGuard['lookup'], Shared>();

/**
 * Streams to the same hosts reuse idle connections instead of each keeping its own: with
 * a thousand streams that is a thousand fewer sockets. DNS answers still pass the guard.
 */
export function leaseAgents(lookup: EgressGuard['lookup']): AgentLease {
  let shared = byLookup.get(lookup);
  if (!shared) {
    const options = { keepAlive: true, maxSockets: 256, maxFreeSockets: 64, lookup } as http.AgentOptions;
    shared = { httpAgent: new http.Agent(options), httpsAgent: new https.Agent(options), users: 0 };
    byLookup.set(lookup, shared);
  }
  shared.users++;
  const lease = shared;
  let released = false;
  return {
    httpAgent: lease.httpAgent,
    httpsAgent: lease.httpsAgent,
    release() {
      if (released) return;
      released = true;
      if (--lease.users > 0) return;
      byLookup.delete(lookup);
      lease.httpAgent.destroy();
      lease.httpsAgent.destroy();
    },
  };
}
