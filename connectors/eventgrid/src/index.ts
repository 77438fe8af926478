// @outflow/connector-eventgrid: publishes Auth0 log events to Azure Event Grid through @azure/eventgrid on the shared transport.
export { eventgridConnector, endpointOf, API_VERSION } from './connector.js';
export { eventgridConfigSchema } from './config.js';
export type { EventgridConfig, EventgridConfigInput } from './types.js';
export { bodyOf, buildEvents, planRequests, CONTENT_TYPES, MAX_EVENT_BYTES, MAX_REQUEST_BYTES, NO_USER_SUBJECT, type PlannedEvent } from './encoder.js';
export { classifyAnswer, sendOutcome } from './outcome.js';
export { AUTH0_EVENTGRID_REGIONS, defaultEndpoint } from './regions.js';
