// @outflow/connector-splunk: the Splunk HTTP Event Collector connector (Auth0 stream type `splunk`).
export { splunkConnector, SPLUNK_LIMITS } from './connector.js';
export { splunkConfigSchema } from './config.js';
export { hecBaseUrl, DEFAULT_HEC_PORT } from './endpoint.js';
export { hecBody, hecTime, sharedPart, type HecMetadata } from './encoder.js';
export type { SplunkConfig, SplunkConfigInput } from './types.js';
