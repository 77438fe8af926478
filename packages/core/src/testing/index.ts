// @outflow/core/testing: helpers for tests of stores, workers and connectors.
export * from './manual-clock.js';
export * from './prepare.js';
export * from './memory-store.js';
export * from './store-contract.js';
export * from './core-copy.js';
