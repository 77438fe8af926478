// The transport a connector uses: the runner's (`ctx.http`), else one shared per egress guard.
import type { ConnectorContext, EgressGuard, HttpTransport } from '@outflow/core';
import { createHttpTransport } from './transport.js';

const shared = new WeakMap<EgressGuard, HttpTransport>();

/** `ctx.http` when the runner supplies it; otherwise one pool per egress guard (lives as long as the guard). */
export function transportFor(ctx: Pick<ConnectorContext, 'egress' | 'http'>): HttpTransport {
  if (ctx.http) return ctx.http;
  let transport = shared.get(ctx.egress);
  if (!transport) shared.set(ctx.egress, (transport = createHttpTransport({ guard: ctx.egress })));
  return transport;
}
