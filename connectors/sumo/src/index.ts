// @outflow/connector-sumo: the Sumo Logic connector (Auth0 stream type `sumo`).
export { sumoConnector, SUMO_LIMITS } from './connector.js';
export { sumoConfigSchema } from './config.js';
export { classifySumo } from './classify.js';
export { CONTENT_TYPE, encodeBodies, MAX_BODY_BYTES, type SumoBody } from './encoder.js';
export { fieldsHeader } from './headers.js';
export type { SumoConfig, SumoConfigInput } from './types.js';
