// @outflow/core: the contract every Outflow connector, store and runner shares.
export * from './types.js';
export * from './categories.js';
export * from './filter.js';
export * from './clock.js';
export * from './duration.js';
export * from './retry-after.js';
export * from './errors.js';
export * from './classify.js';
export * from './redact.js';
export * from './secrets.js';
export * from './batch.js';
export * from './formats.js';
export * from './log-id.js';
export * from './connector.js';
export * from './egress.js';
export * from './store.js';
