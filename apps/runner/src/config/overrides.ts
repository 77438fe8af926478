// Command-line overrides of the config file (`--port`, `--host`, `--log-level`); they also hold across reloads.
import type { RunnerConfig } from './schema.js';
import type { LOG_LEVELS } from './schema.js';

export interface ConfigOverrides {
  port?: number;
  host?: string;
  logLevel?: (typeof LOG_LEVELS)[number];
}

/** Sets the overridden fields on `config` (in place) and returns it. */
export function applyOverrides(config: RunnerConfig, o: ConfigOverrides | undefined): RunnerConfig {
  if (o?.port !== undefined) config.server.port = o.port;
  if (o?.host !== undefined) config.server.host = o.host;
  if (o?.logLevel !== undefined) config.log.level = o.logLevel;
  return config;
}
