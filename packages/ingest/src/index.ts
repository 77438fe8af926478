// @outflow/ingest: request bodies → validated, stored-ready event batches.
export type * from './types.js';
export { parseBody, bodyFormat } from './parse-body.js';
export { validateEvent } from './validate-event.js';
export { createParsePool, defaultParseThreads, type ParsePool, type ParseJob } from './parse-pool.js';
