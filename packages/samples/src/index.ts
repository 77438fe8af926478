// @outflow/samples: realistic, seeded Auth0 tenant log events for tests and benchmarks.
export * from './types.js';
export { CATALOG } from './catalog-data.js';
export { createEventGenerator, sampleEvents, sampleLogId, sampleIndexOf } from './generator.js';
export { createRng, createWeightedPicker, type Rng } from './rng.js';
