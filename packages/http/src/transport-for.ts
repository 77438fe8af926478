// The transport a connector uses: the runner's (`ctx.http`), else one shared per egress guard, counted by users.
import type { ConnectorContext, EgressGuard, HttpTransport } from '@outflow/core';
import { createHttpTransport } from './transport.js';

interface Shared {
  transport: HttpTransport;
  users: number;
}

const byGuard = new WeakMap<EgressGuard, Shared>();

export interface TransportLease {
  transport: HttpTransport;
  /** Gives the transport back; the last user of a shared one closes its sockets. A runner's `ctx.http` stays open. */
  release(): Promise<void>;
}

/** `ctx.http` when the runner supplies it; otherwise the guard's shared pool, closed when its last lease is released. */
export function leaseTransport(ctx: Pick<ConnectorContext, 'egress' | 'http'>): TransportLease {
  if (ctx.http) return { transport: ctx.http, release: async () => {} };
  let shared = byGuard.get(ctx.egress);
  if (!shared) byGuard.set(ctx.egress, (shared = { transport: createHttpTransport({ guard: ctx.egress }), users: 0 }));
  shared.users++;
  const lease = shared;
  let released = false;
  return {
    transport: lease.transport,
    async release() {
      if (released) return;
      released = true;
      if (--lease.users > 0) return;
      if (byGuard.get(ctx.egress) === lease) byGuard.delete(ctx.egress);
      await lease.transport.close();
    },
  };
}

/** The transport for `ctx` without a lease (vendor SDK adapters): `ctx.http`, else the guard's shared pool, kept open. */
export function transportFor(ctx: Pick<ConnectorContext, 'egress' | 'http'>): HttpTransport {
  return leaseTransport(ctx).transport;
}
