// @outflow/connector-segment: Segment track calls for Auth0 log events (Auth0 stream type `segment`).
export { segmentConnector } from './connector.js';
export { segmentConfigSchema, batchUrl, SEGMENT_HOSTS } from './config.js';
export { trackMessage, eventNameOf, identityOf, messageIdOf } from './encoder.js';
export { EVENT_NAMES } from '@outflow/core';
export type { SegmentConfig, SegmentConfigInput, TrackMessage } from './types.js';
