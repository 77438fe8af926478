// @outflow/connector-elastic: Auth0 log events into Elasticsearch or OpenSearch with `_bulk` create, `_id` = log_id.
export { elasticConnector } from './connector.js';
export { elasticConfigSchema, targetOf, nodeUrlOf, cloudNodeUrl } from './config.js';
export { actionLine, bulkBody, bulkLines, documentLine, type BulkSettings } from './encoder.js';
export { ecsDocument, ECS_VERSION } from './ecs.js';
export { bulkOutcomes, combineOutcomes, itemOutcome, type BulkAnswer, type BulkItem, type ItemOutcome } from './outcome.js';
export type { ElasticConfig, ElasticConfigInput } from './types.js';
