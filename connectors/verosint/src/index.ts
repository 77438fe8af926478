// @outflow/connector-verosint: the Verosint connector (a preset of the Custom Webhook).
export { verosintConnector } from './connector.js';
export { verosintConfigSchema } from './config.js';
export type { VerosintConfig, VerosintConfigInput } from './types.js';
