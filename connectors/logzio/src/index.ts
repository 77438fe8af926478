// @outflow/connector-logzio: the Logz.io connector (HTTPS bulk listener, NDJSON).
export { logzioConnector, LOGZIO_LIMITS, listenerUrl } from './connector.js';
export { logzioConfigSchema } from './config.js';
export { listenerBaseUrl, LOGZIO_LISTENER_HOSTS, LOGZIO_REGIONS, LOGZIO_HTTPS_PORT, type LogzioRegion } from './regions.js';
export { encodeLines, lineParts, MAX_BODY_BYTES, MAX_LINE_BYTES, type EncodedLines } from './encoder.js';
export { classifyLogzio, fromLineCounts, parseLineCounts, type LineCounts } from './answer.js';
export type { LogzioConfig, LogzioConfigInput } from './types.js';
