// This runner's identity among runners sharing a store, and the transport that names it on every outgoing request.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { HttpTransport, RunnerInfo } from '@outflow/core';

export const RUNNER_HEADER = 'outflow-runner';

export function runnerInfo(configured: string | undefined): RunnerInfo {
  const host = hostname();
  return { id: configured ?? `${host}-${process.pid}-${randomBytes(3).toString('hex')}`, host, pid: process.pid };
}

/** Adds `outflow-runner: <id>` to each request, so a receiver can tell which runner delivered it. */
export function namedTransport(transport: HttpTransport, runnerId: string): HttpTransport {
  return {
    request: (req) => transport.request({ ...req, headers: { ...req.headers, [RUNNER_HEADER]: runnerId } }),
    nodeAgents: () => transport.nodeAgents(),
    close: () => transport.close(),
  };
}
