// Starts the real runner CLI as its own process on a temporary store and finds its URL.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StreamFilter } from '@outflow/core';
import { type BenchStoreKind, type RunnerStore, runnerStore } from './bench-store.js';

export const BENCH_TOKEN = 'bench-token-0123456789';
export const BENCH_TENANT = 'bench';

export interface RunnerStream {
  name: string;
  endpoint: string;
  filters: StreamFilter[];
}

export interface RunnerOptions {
  /** The runner's main.js. */
  main: string;
  /** Folder for the config file, the store and the runner's output. */
  dir: string;
  streams: RunnerStream[];
  /** Store path (default `<dir>/outflow.db`), for SQLite. */
  storePath?: string;
  /** The store kind (default SQLite); a PostgreSQL schema is made fresh and dropped when the runner stops. */
  store?: BenchStoreKind;
  /** Folder for `--cpu-prof` output, when profiling. */
  profileDir?: string;
  /** A store several runners share (`--runners`): used as is and left for the caller to dispose. */
  sharedStore?: RunnerStore;
  /** The runner's name in the cluster (`cluster.runnerId`). */
  runnerId?: string;
  startTimeoutMs?: number;
}

export interface RunnerHandle {
  pid: number;
  url: string;
  /** Last lines the runner printed (for failure reports). */
  tail(): string;
  stop(): Promise<number | null>;
}

export function runnerConfig(o: RunnerOptions, store: object): object {
  return {
    // Throughput is measured, not budgets: the load generator would spend the default ingest budget at once.
    server: { host: '127.0.0.1', port: 0, rateLimit: false },
    // Store settings to compare, e.g. OUTFLOW_BENCH_STORE='{"cacheBytes":"8MB"}'.
    store,
    tokens: [
      {
        token: BENCH_TOKEN,
        tenant: BENCH_TENANT,
        scopes: ['ingest:logs', 'read:log_streams', 'create:log_streams', 'update:log_streams', 'delete:log_streams'],
      },
    ],
    egress: { allowHttp: true, allowPrivateNetworks: true },
    log: { level: 'warn' },
    ...(o.runnerId ? { cluster: { runnerId: o.runnerId } } : {}),
    // Delivery settings to compare, e.g. OUTFLOW_BENCH_DELIVERY='{"concurrency":2}'.
    ...(process.env.OUTFLOW_BENCH_DELIVERY ? { delivery: JSON.parse(process.env.OUTFLOW_BENCH_DELIVERY) as object } : {}),
    streams: o.streams.map((s) => ({
      name: s.name,
      type: 'http',
      tenant: BENCH_TENANT,
      sink: { httpEndpoint: s.endpoint, httpContentFormat: 'JSONLINES' },
      filters: s.filters,
    })),
  };
}

export async function startRunner(o: RunnerOptions): Promise<RunnerHandle> {
  if (!existsSync(o.main)) throw new Error(`The runner is not built: ${o.main} is missing (run the root "bench" script, which builds it).`);
  const configFile = join(o.dir, 'outflow.yaml');
  // Store settings to compare, e.g. OUTFLOW_BENCH_STORE='{"cacheBytes":"8MB"}' (SQLite) or '{"poolSize":4}' (PostgreSQL).
  const own = !o.sharedStore;
  const store =
    o.sharedStore ??
    runnerStore(o.store ?? 'sqlite', o.dir, o.storePath, process.env.OUTFLOW_BENCH_STORE ? (JSON.parse(process.env.OUTFLOW_BENCH_STORE) as object) : {});
  // JSON is YAML, so the config needs no YAML writer.
  writeFileSync(configFile, JSON.stringify(runnerConfig(o, store.config), null, 1));
  const execArgv = o.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${o.profileDir}`] : [];
  // Extra node flags for investigations, e.g. OUTFLOW_BENCH_NODE_ARGS="--import ./probe.mjs".
  execArgv.push(...(process.env.OUTFLOW_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean));
  const logFile = join(o.dir, 'runner.log');
  const log = createWriteStream(logFile, { flags: 'a' });
  const child: ChildProcess = spawn(process.execPath, [...execArgv, o.main, 'start', '--config', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let recent = '';
  const keep = (chunk: Buffer) => {
    log.write(chunk);
    recent = (recent + chunk.toString('utf8')).slice(-4000);
  };
  child.stderr?.on('data', keep);
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok((exitCode = code))));
  const url = await waitForUrl().catch(async (error: unknown) => {
    if (exitCode === undefined) child.kill('SIGKILL');
    await exited;
    if (own) await store.dispose();
    throw error;
  });
  function waitForUrl() {
    return new Promise<string>((ok, fail) => {
      const timer = setTimeout(
        () => fail(new Error(`The runner did not print its URL within ${o.startTimeoutMs ?? 60_000} ms.\n${recent}`)),
        o.startTimeoutMs ?? 60_000,
      );
      let buffered = '';
      // The banner goes to stderr with the logs (stdout is the console connector's).
      child.stderr?.off('data', keep);
      child.stderr?.on('data', (chunk: Buffer) => {
        keep(chunk);
        buffered += chunk.toString('utf8');
        const m = /Outflow is running at (http:\/\/\S+)/.exec(buffered);
        if (m) {
          clearTimeout(timer);
          buffered = '';
          ok(m[1] as string);
        }
        if (buffered.length > 100_000) buffered = buffered.slice(-1000);
      });
      child.stdout?.on('data', keep);
      void exited.then((code) => {
        clearTimeout(timer);
        fail(new Error(`The runner exited (code ${code}) before listening.\n${recent}`));
      });
    });
  }
  return {
    pid: child.pid as number,
    url,
    tail: () => recent || (existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-4000) : ''),
    async stop() {
      if (exitCode === undefined) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
        log.end();
      }
      if (own) await store.dispose();
      return exitCode ?? null;
    },
  };
}
