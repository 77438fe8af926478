// @outflow/connector-mdr-one: the MDR ONE connector (a preset of the Custom Webhook).
export { mdrOneConnector } from './connector.js';
export { mdrOneConfigSchema } from './config.js';
export type { MdrOneConfig, MdrOneConfigInput } from './types.js';
