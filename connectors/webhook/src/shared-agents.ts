// Keep-alive agents shared by every webhook stream of a runner (same egress guard), counted by users.
import type http from 'node:http';
import type https from 'node:https';
import { createEgressHttpAgent, createEgressHttpsAgent, type EgressGuard } from '@outflow/core';

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

const byGuard = new Map<EgressGuard, Shared>();

/**
 * Streams to the same hosts reuse idle connections instead of each keeping its own: with
 * a thousand streams that is a thousand fewer sockets. DNS answers and every socket's peer still pass the guard.
 */
export function leaseAgents(egress: EgressGuard): AgentLease {
  let shared = byGuard.get(egress);
  if (!shared) {
    const options = { keepAlive: true, maxSockets: 256, maxFreeSockets: 64 };
    shared = { httpAgent: createEgressHttpAgent(egress, options), httpsAgent: createEgressHttpsAgent(egress, options), users: 0 };
    byGuard.set(egress, shared);
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
      byGuard.delete(egress);
      lease.httpAgent.destroy();
      lease.httpsAgent.destroy();
    },
  };
}
