// @outflow/runner: the composition root, usable in-process (tests, embedding) as well as from the CLI.
export { startApp, prepareRegistry, type RunningApp, type StartOptions } from './app.js';
export { Tokens } from './tokens.js';
export { loadConfigFile, parseConfigText, type LoadedConfig } from './config/load.js';
export { runnerConfigSchema, type RunnerConfig, type StreamConfig } from './config/schema.js';
export { configStreamId } from './config/stream-sync.js';
export { createConnectorRegistry, type ConnectorRegistry } from './loading/registry.js';
