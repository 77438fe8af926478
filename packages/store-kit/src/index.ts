// @outflow/store-kit: what Outflow's SQL stores share (batch column codec, row ↔ record mapping).
export * from './batch-codec.js';
export * from './rows.js';
export * from './commit-listeners.js';
export * from './queue-append.js';
