// @outflow/connector-eventgrid: POSTs Auth0 log events as JSON lines to an HTTPS intake.
export { eventgridConnector } from './connector.js';
export { eventgridConfigSchema } from './config.js';
export type { EventgridConfig, EventgridConfigInput } from './types.js';
export { encodeBatch } from './encoder.js';
