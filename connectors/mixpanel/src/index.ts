// @outflow/connector-mixpanel: Mixpanel Import API events for Auth0 log events (Auth0 stream type `mixpanel`).
export { mixpanelConnector } from './connector.js';
export { mixpanelConfigSchema, importUrl, MIXPANEL_HOSTS, type MixpanelRegion } from './config.js';
export { mixpanelEvent, eventNameOf, identityOf, insertIdOf, timeOf, DISALLOWED_IDS } from './encoder.js';
export { shapeProperties, truncateBytes, MAX_PROPERTIES, MAX_LIST_ITEMS, MAX_LIST_BYTES, MAX_STRING_BYTES, DROPPED_PROPERTY } from './properties.js';
export { encodeImport, probeImport, MAX_EVENTS_PER_REQUEST, MAX_REQUEST_BYTES } from './import-request.js';
export { classifyImport } from './outcome.js';
export { EVENT_NAMES } from '@outflow/core';
export type { MixpanelConfig, MixpanelConfigInput, MixpanelEvent, PropertyValue } from './types.js';
