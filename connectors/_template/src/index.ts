// @outflow/connector-template: POSTs Auth0 log events as JSON lines to an HTTPS intake.
export { templateConnector } from './connector.js';
export { templateConfigSchema, type TemplateConfig, type TemplateConfigInput } from './config.js';
export { encodeBatch } from './encoder.js';
