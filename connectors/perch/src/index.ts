// @outflow/connector-perch: the Perch Security (ConnectWise SIEM) connector (a preset of the Custom Webhook).
export { perchConnector } from './connector.js';
export { perchConfigSchema } from './config.js';
export type { PerchConfig, PerchConfigInput } from './types.js';
