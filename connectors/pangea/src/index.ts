// @outflow/connector-pangea: the Pangea Secure Audit Log connector (bulk /v2/log, Auth0 Log Streaming schema).
export { pangeaConnector, PANGEA_LIMITS } from './connector.js';
export { pangeaConfigSchema, DEFAULT_PANGEA_DOMAIN } from './config.js';
export { auditBaseUrl, LOG_PATH, REQUEST_PATH } from './endpoint.js';
export { logBody } from './encoder.js';
export { toAuditEvent, auditStatus, auditTimestamp, clip, FIELD_LIMITS } from './event-map.js';
export { classifyPangea, parseEnvelope, refusedEvents } from './classify.js';
export { awaitSettled, POLL_FIRST_MS, POLL_MAX_MS } from './poll.js';
export type { PangeaConfig, PangeaConfigInput, PangeaAuditEvent, PangeaEnvelope } from './types.js';
