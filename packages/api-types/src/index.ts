// @outflow/api-types: the shapes of the management API's JSON answers (types only; nothing at runtime).
export type * from './streams.js';
export type * from './health.js';
export type * from './stats.js';
export type * from './dead-letters.js';
export type * from './stream-ops.js';
export type * from './connectors.js';
export type * from './errors.js';
export type * from './delivery.js';
export type * from './runners.js';
