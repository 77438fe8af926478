// Config reload (SIGHUP, `outflow reload`): re-reads the file and applies streams, tokens, rate limits and the log level live.
import { isConfigError, type ConfigIssue, type Logger, type Store } from '@outflow/core';
import type { OpenStreamConnector, Supervisor } from '@outflow/delivery';
import type { ConnectorRegistry } from '../loading/registry.js';
import type { TokenIndex } from '../server/auth.js';
import { loadConfigChecked } from './check-config.js';
import { applyOverrides, type ConfigOverrides } from './overrides.js';
import type { RunnerConfig } from './schema.js';
import { syncConfigStreams } from './stream-sync.js';
import { validateStreams } from './validate-streams.js';

export interface ReloadDeps {
  /** Absolute path of the config file. */
  file: string;
  /** The running config: its tokens, rate limits, log level and streams are replaced in place. */
  config: RunnerConfig;
  overrides?: ConfigOverrides;
  store: Store;
  supervisor: Supervisor;
  tokens: TokenIndex;
  registry: ConnectorRegistry;
  openConnector: OpenStreamConnector;
  setLogLevel(level: string): void;
  /** The `config` component's logger. */
  logger: Logger;
  now: () => number;
  env?: NodeJS.ProcessEnv;
}

export type ReloadResult =
  | { ok: true; created: number; updated: number; removed: number; tokens: number; needRestart: string[] }
  | { ok: false; issues: ConfigIssue[] };

export type Reloader = () => Promise<ReloadResult>;

/** Settings read once at start: a change is reported and applies at the next restart. */
const AT_RESTART = ['server', 'store', 'retention', 'egress', 'connectors', 'delivery', 'cluster', 'log.format', 'log.file'] as const;

function pick(config: RunnerConfig, path: string): unknown {
  if (path === 'server') return { ...config.server, rateLimit: undefined };
  if (path === 'log.format') return config.log.format;
  if (path === 'log.file') return config.log.file;
  return config[path as keyof RunnerConfig];
}

export function createReloader(d: ReloadDeps): Reloader {
  let queue: Promise<unknown> = Promise.resolve();

  const refuse = (issues: ConfigIssue[]): ReloadResult => {
    for (const issue of issues) d.logger.error({ path: issue.path || '(root)', problem: issue.message }, 'The reloaded config file has an invalid field.');
    d.logger.error({ file: d.file, errors: issues.length }, 'The config file is invalid: the running config is kept.');
    return { ok: false, issues };
  };

  const reload = async (): Promise<ReloadResult> => {
    d.logger.info({ file: d.file }, 'Reloading the config file.');
    let next: RunnerConfig;
    try {
      next = applyOverrides((await loadConfigChecked(d.file, d.env)).config, d.overrides);
    } catch (err) {
      if (isConfigError(err)) return refuse(err.issues.length ? [...err.issues] : [{ path: '', message: err.message }]);
      throw err;
    }
    const streamIssues = await validateStreams(next, d.registry, d.openConnector, d.now());
    if (streamIssues.length) return refuse(streamIssues);

    const needRestart = AT_RESTART.filter((p) => JSON.stringify(pick(next, p)) !== JSON.stringify(pick(d.config, p)));
    if (needRestart.length) d.logger.warn({ settings: needRestart }, 'Some changed settings apply only at the next restart.');

    d.tokens.setConfigTokens(next.tokens);
    d.config.tokens = next.tokens;
    d.config.server.rateLimit = next.server.rateLimit;
    if (next.log.level !== d.config.log.level) d.setLogLevel(next.log.level);
    d.config.log.level = next.log.level;
    const synced = await syncConfigStreams(d.store, next.streams, d.logger, d.now());
    d.config.streams = next.streams;
    // Each changed stream's worker finishes its in-flight batches, then restarts from the committed cursor.
    await Promise.all([...synced.created, ...synced.updated, ...synced.removed].map((id) => d.supervisor.refresh(id)));
    const result = {
      ok: true as const,
      created: synced.created.length,
      updated: synced.updated.length,
      removed: synced.removed.length,
      tokens: next.tokens.length,
      needRestart: [...needRestart],
    };
    d.logger.info(
      { created: result.created, updated: result.updated, removed: result.removed, tokens: result.tokens, logLevel: next.log.level },
      'The config file was reloaded.',
    );
    return result;
  };

  // One reload at a time: a second signal waits for the first.
  return () => {
    const run = queue.then(reload, reload);
    queue = run.catch(() => undefined);
    return run;
  };
}
