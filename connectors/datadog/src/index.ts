// @outflow/connector-datadog: the Datadog connector (Auth0 stream type `datadog`).
export { datadogConnector, DATADOG_LIMITS } from './connector.js';
export { datadogConfigSchema } from './config.js';
export { datadogBaseUrls, DATADOG_REGIONS, DATADOG_SITES, type DatadogRegion } from './regions.js';
export { toLogItem, wireBody, type ItemDefaults, type LogItem } from './encoder.js';
export type { DatadogConfig, DatadogConfigInput } from './types.js';
