// @outflow/connector-template: POSTs Auth0 log events as JSON lines to an HTTPS intake.
export { templateConnector } from './connector.js';
export { templateConfigSchema } from './config.js';
export type { TemplateConfig, TemplateConfigInput } from './types.js';
export { encodeBatch } from './encoder.js';
