// @outflow/connector-panther: POSTs Auth0 log envelopes to a Panther HTTP log source.
export { pantherConnector, PANTHER_LIMITS } from './connector.js';
export { pantherConfigSchema, AUTH_METHODS } from './config.js';
export { authHeader, signBody, type HmacAlgorithm, type HmacEncoding, type HmacOptions } from './auth.js';
export { encodeBody, encodePanther, probePanther, CONTENT_TYPES } from './encoder.js';
export { classifyPanther } from './classify.js';
export type { PantherConfig, PantherConfigInput } from './types.js';
