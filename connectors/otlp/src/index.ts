// @outflow/connector-otlp: Auth0 events as OpenTelemetry log records over OTLP/HTTP (protobuf or JSON).
export { otlpConnector, OTLP_LIMITS } from './connector.js';
export { logsUrl, otlpConfigSchema } from './config.js';
export { CONTENT_TYPES, serializeLogs, type OtlpEncoding } from './encoder.js';
export { isoToHrTime, SCOPE, toLogRecords, type RecordOptions } from './log-records.js';
export { isFailure, SEVERITY, severityOf, type SeverityText } from './severity.js';
export type { OtlpConfig, OtlpConfigInput } from './types.js';
