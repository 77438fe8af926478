// Runner processes sharing one PostgreSQL schema for cluster tests: config per runner, spawn, lease spread, who sent a request.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PG_URL, query } from '@outflow/store-postgres/testing';
import { FAST_DELIVERY, TOKEN } from './app.js';
import { readUntil } from './wait.js';
import type { ReceivedRequest } from './receiver.js';

const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

export interface Cluster {
  /** Starts runner `id` (its config names it) and resolves with its URL once it listens (within `timeoutMs`, 30 s by default). */
  start(id: string, timeoutMs?: number): Promise<string>;
  proc(id: string): ChildProcess | undefined;
  /** Output of runner `id` so far. */
  output(id: string): string;
  /** Live leases per runner, by the database. */
  spread(): Promise<Map<string, number>>;
  /** Resolves once every stream's committed `delivered` count reached `events` (so nothing is in flight or uncommitted). */
  committed(events: number, timeoutMs?: number): Promise<void>;
  killAll(): void;
}

const config = (
  schema: string,
  runnerId: string,
  rxUrl: string,
  streams: number,
  clusterYaml: string,
  delivery: string,
) => `server: { host: 127.0.0.1, port: 0 }
store: { postgres: { url: "${PG_URL}", schema: ${schema}, poolSize: 4 } }
tokens:
  - { token: ${TOKEN}, tenant: acme, scopes: [ingest:logs, read:log_streams, create:log_streams, update:log_streams, delete:log_streams] }
egress: { allowHttp: true, allowPrivateNetworks: true }
log: { level: warn }
cluster: { runnerId: ${runnerId}${clusterYaml} }
delivery:
${FAST_DELIVERY}${delivery}
streams:
${Array.from({ length: streams }, (_, i) => `  - { name: s${i}, type: http, tenant: acme, sink: { httpEndpoint: "${rxUrl}/s${i}", httpContentFormat: JSONLINES } }`).join('\n')}
`;

/** Runners on `schema` with `streams` config streams s0…s(n−1), each posting to `<rxUrl>/s<i>`; `clusterYaml` adds cluster settings (`, leaseTtl: 30s`), `delivery` YAML lines to `delivery:`. */
export function createCluster(dir: string, schema: string, rxUrl: string, streams: number, clusterYaml = '', delivery = ''): Cluster {
  const children = new Map<string, ChildProcess>();
  const outputs = new Map<string, string>();
  return {
    start(id, timeoutMs = 30_000) {
      const file = join(dir, `${id}.yaml`);
      writeFileSync(file, config(schema, id, rxUrl, streams, clusterYaml, delivery));
      const proc = spawn(process.execPath, [MAIN, 'start', '--config', file], { stdio: ['ignore', 'pipe', 'pipe'] });
      children.set(id, proc);
      outputs.set(id, '');
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`Runner ${id} did not start: ${outputs.get(id)}`)), timeoutMs);
        const onData = (c: Buffer) => {
          outputs.set(id, (outputs.get(id) ?? '') + c.toString());
          const m = /Outflow is running at (http:\/\/\S+)/.exec(outputs.get(id) ?? '');
          if (m) {
            clearTimeout(timer);
            resolve(m[1] as string);
          }
        };
        proc.stdout?.on('data', onData);
        proc.stderr?.on('data', onData);
        proc.on('exit', (code) => reject(new Error(`Runner ${id} exited with ${code}: ${outputs.get(id)}`)));
      });
    },
    proc: (id) => children.get(id),
    output: (id) => outputs.get(id) ?? '',
    async spread() {
      const rows = await query<{ runner_id: string; n: number }>(
        `SELECT runner_id, count(*)::int AS n FROM ${schema}.stream_leases WHERE expires_at > now() GROUP BY runner_id`,
      );
      return new Map(rows.map((r) => [r.runner_id, r.n]));
    },
    async committed(events, timeoutMs = 30_000) {
      const lagging = async () => (await query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.streams WHERE delivered < $1`, [events]))[0]?.n ?? -1;
      await readUntil(lagging, (n) => n === 0, timeoutMs);
    },
    killAll() {
      for (const proc of children.values()) if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    },
  };
}

export const runnerOf = (r: ReceivedRequest) => String(r.headers['outflow-runner']);
export const streamOf = (r: ReceivedRequest) => r.path.slice(1);

/** Distinct log_ids received per stream. */
export function idsPerStream(requests: readonly ReceivedRequest[]): Map<string, Set<string>> {
  const got = new Map<string, Set<string>>();
  for (const r of requests) {
    const set = got.get(streamOf(r)) ?? new Set<string>();
    got.set(streamOf(r), set);
    for (const e of r.envelopes) set.add(e.log_id);
  }
  return got;
}

/** The runners that delivered each stream. */
export function runnersPerStream(requests: readonly ReceivedRequest[]): Map<string, Set<string>> {
  const got = new Map<string, Set<string>>();
  for (const r of requests) got.set(streamOf(r), (got.get(streamOf(r)) ?? new Set<string>()).add(runnerOf(r)));
  return got;
}
