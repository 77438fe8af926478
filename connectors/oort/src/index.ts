// @outflow/connector-oort: the Oort (Cisco Duo Identity Threat Detection) connector (a preset of the Custom Webhook).
export { oortConnector } from './connector.js';
export { oortConfigSchema } from './config.js';
export type { OortConfig, OortConfigInput } from './types.js';
