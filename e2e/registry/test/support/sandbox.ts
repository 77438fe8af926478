// A user's machine in a temp folder: its own HOME, npm prefix, cache and .npmrc pointing at the test registry; the user's npm settings that matter carried over.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './run.js';

export interface Sandbox {
  root: string;
  env: NodeJS.ProcessEnv;
  /** The global prefix's bin folder (where `outflow` lands). */
  bin: string;
}

/** Settings of the machine's npm configuration that an install on this machine needs (building native modules, TLS, proxies). */
const CARRIED = ['nodedir', 'cafile', 'proxy', 'https-proxy', 'noproxy', 'strict-ssl', 'python'];

/** The machine's `npm config get <key>` for each carried key that is set (asked outside the repository). */
export async function machineNpmConfig(cwd: string, env: NodeJS.ProcessEnv): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const { stdout } = await run('npm', ['config', 'get', ...CARRIED], { cwd, env });
  for (const line of stdout.split('\n')) {
    const m = /^([\w-]+)\s*=\s*(.*)$/.exec(line.trim());
    if (!m) continue;
    const value = m[2]!.replace(/^"(.*)"$/, '$1');
    if (value && value !== 'null' && value !== 'undefined') out[m[1]!] = value;
  }
  return out;
}

/** The process environment without what pnpm, turbo and npm scripts put there for their own child processes. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_|PNPM_|TURBO_|INIT_CWD$|NODE_OPTIONS$|VITEST|NODE_ENV$)/i.test(key)) continue;
    env[key] = value;
  }
  return env;
}

export function createSandbox(root: string, registry: { url: string; token: string }, machine: Record<string, string>): Sandbox {
  const home = join(root, 'home');
  const prefix = join(root, 'npm-prefix');
  mkdirSync(home, { recursive: true });
  mkdirSync(prefix, { recursive: true });
  const host = registry.url.replace(/^https?:/, '');
  // What `npm login --registry <url>` would leave in ~/.npmrc.
  writeFileSync(join(home, '.npmrc'), `registry=${registry.url}\n${host}:_authToken=${registry.token}\n`);
  const base = cleanEnv();
  const env: NodeJS.ProcessEnv = {
    ...base,
    HOME: home,
    PATH: `${join(prefix, 'bin')}:${base.PATH ?? ''}`,
    npm_config_userconfig: join(home, '.npmrc'),
    npm_config_registry: registry.url,
    npm_config_prefix: prefix,
    npm_config_cache: join(root, 'npm-cache'),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_loglevel: 'warn',
  };
  for (const [key, value] of Object.entries(machine)) env[`npm_config_${key.replace(/-/g, '_')}`] = value;
  if (machine.cafile) env.NODE_EXTRA_CA_CERTS = machine.cafile;
  return { root, env, bin: join(prefix, 'bin') };
}
