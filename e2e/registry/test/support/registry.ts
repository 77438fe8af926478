// A verdaccio registry on 127.0.0.1 for the e2e test: temp storage, the machine's npm registry as its uplink, Outflow's names kept local.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { waitFor } from './run.js';

export interface Registry {
  url: string;
  /** A token of the registry's one user (publishing needs one). */
  token: string;
  log(): string;
  close(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (verdaccio's listen address needs one up front). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Names that must never come from the uplink: the workspace's packages and the test's own connectors. */
const LOCAL_ONLY = ['@outflow/*', 'create-outflow-connector', 'outflow-connector-*', '@e2e/*'];

function config(storage: string, port: number, uplink: string, extra: { proxy?: string; ca?: string }): string {
  const local = LOCAL_ONLY.map((p) => `  '${p}':\n    access: $all\n    publish: $authenticated\n`).join('');
  return `# Written by the registry e2e test.
storage: ${JSON.stringify(storage)}
auth:
  htpasswd:
    file: ${JSON.stringify(join(storage, '..', 'htpasswd'))}
    max_users: 10
uplinks:
  upstream:
    url: ${JSON.stringify(uplink)}
    timeout: 60s
    max_fails: 5
${extra.proxy ? `    https_proxy: ${JSON.stringify(extra.proxy)}\n    http_proxy: ${JSON.stringify(extra.proxy)}\n` : ''}packages:
${local}  '**':
    access: $all
    publish: $authenticated
    proxy: upstream
listen: 127.0.0.1:${port}
server:
  keepAliveTimeout: 60
web:
  enable: false
max_body_size: 200mb
logs: { type: stdout, format: pretty, level: warn }
`;
}

export async function startRegistry(dir: string, uplink: string, extra: { proxy?: string; ca?: string } = {}): Promise<Registry> {
  const storage = join(dir, 'storage');
  mkdirSync(storage, { recursive: true });
  const port = await freePort();
  const file = join(dir, 'config.yaml');
  writeFileSync(file, config(storage, port, uplink, extra));
  const pkgFile = createRequire(import.meta.url).resolve('verdaccio/package.json');
  const bin = join(dirname(pkgFile), 'bin', 'verdaccio');
  let output = '';
  let exited: string | undefined;
  const child: ChildProcess = spawn(process.execPath, [bin, '--config', file], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_EXTRA_CA_CERTS: extra.ca ?? process.env.NODE_EXTRA_CA_CERTS },
  });
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (output += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (output += c));
  child.on('exit', (code, signal) => (exited = `verdaccio exited with ${code ?? signal}`));
  const url = `http://127.0.0.1:${port}/`;
  const close = async () => {
    if (exited) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await gone;
  };
  try {
    await waitFor(
      'verdaccio to answer /-/ping',
      async () => {
        if (exited) throw new Error(`${exited}:\n${output}`);
        const res = await fetch(`${url}-/ping`).catch(() => undefined);
        return res?.ok ? true : undefined;
      },
      60_000,
    );
  } catch (err) {
    await close();
    throw new Error(`Verdaccio did not start on 127.0.0.1:${port}: ${(err as Error).message}\n${output}`);
  }
  // A third-party package through the uplink: without it nothing installs, so fail loudly now.
  const probe = await fetch(`${url}zod`, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(60_000) }).catch((err: Error) => err);
  if (probe instanceof Error || !probe.ok) {
    await close();
    const why = probe instanceof Error ? probe.message : `HTTP ${probe.status}`;
    throw new Error(`The uplink ${uplink} (npm config get registry) is unreachable through verdaccio: GET ${url}zod gave ${why}.\n${output}`);
  }
  const res = await fetch(`${url}-/user/org.couchdb.user:e2e`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'e2e', password: 'e2e-password-0', email: 'e2e@example.com', type: 'user' }),
  });
  const body = (await res.json()) as { token?: string };
  if (!res.ok || !body.token) {
    await close();
    throw new Error(`Verdaccio refused to create the test user: HTTP ${res.status} ${JSON.stringify(body)}`);
  }
  return { url, token: body.token, log: () => output, close };
}
