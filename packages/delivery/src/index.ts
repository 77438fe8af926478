// @outflow/delivery: the stream workers (batching, retry rounds, backoff, health, suspension, dead letters, PII).
export type {
  AttemptBackoffOptions,
  BatchOptions,
  ConnectorRegistry,
  DeliveryOptions,
  DeliveryOptionsInput,
  RetentionResult,
  RoundBackoffOptions,
  Supervisor,
  SupervisorDeps,
  WorkerError,
  WorkerState,
  WorkerStatus,
} from './types.js';
export { createSupervisor } from './supervisor.js';
export { DEFAULT_DELIVERY_OPTIONS, resolveOptions } from './options.js';
export { attemptDelay, roundDelay } from './backoff.js';
export { createPiiTransform, coveredFields, maskValue, PII_FIELD_NAMES, type BatchTransform, type TransformResult } from './pii.js';
