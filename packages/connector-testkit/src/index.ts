// @outflow/connector-testkit: fake destinations and the conformance suite for Outflow connectors.
export * from './fake-server.js';
export * from './capture-logger.js';
export * from './sample-envelopes.js';
export * from './naming.js';
export * from './test-fixtures.js';
export * from './wait.js';
export * from './conformance/index.js';
export * from './preset-requests.js';
