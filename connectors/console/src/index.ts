// @outflow/connector-console: writes delivered events to stdout, stderr or a file.
export { consoleConnector } from './connector.js';
export { consoleConfigSchema } from './config.js';
export { prettyLine } from './pretty.js';
export type { ConsoleConfig, ConsoleConfigInput } from './types.js';
