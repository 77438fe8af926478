// @outflow/connector-eventbridge: Amazon EventBridge PutEvents (Auth0 stream type `eventbridge`).
export { eventbridgeConnector } from './connector.js';
export { eventbridgeConfigSchema } from './config.js';
export { AUTH0_EVENTBRIDGE_REGIONS } from './regions.js';
export { buildEntries, planCalls, MAX_ENTRIES_PER_CALL } from './encoder.js';
export type { EventbridgeConfig, EventbridgeConfigInput } from './types.js';
