// @outflow/delivery: the stream workers (batching, retry rounds, backoff, health, suspension, dead letters, PII).
export type {
  AttemptBackoffOptions,
  BatchOptions,
  ConnectorRegistry,
  DeliveryOptions,
  DeliveryTap,
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
export type { AttemptOutcomeKind, DeliveryObserver, ObservedStream } from './observer.js';
export type { LeaseSettings } from './lease-coordinator.js';
export { DELIVERY_DEFAULTS, resolveOptions } from './options.js';
export {
  describeIssues,
  openStreamConnector,
  streamConnectorFactory,
  type OpenResult,
  type OpenStreamConnector,
  type StreamConnector,
  type StreamConnectorDeps,
  type StreamConnectorFailure,
  type StreamSpec,
} from './stream-connector.js';
export { chunkBatch, prepareBatches, readLimits, type PrepareOptions } from './stream-batches.js';
export { probeConnector, type ProbeOptions, type ProbeOutcome } from './probe.js';
export { PROBE_TIMEOUT_MS } from './start-probe.js';
export { START_PROBES_AT_ONCE } from './probe-gate.js';
export { attemptDelay, roundDelay } from './backoff.js';
export { createPiiTransform, coveredFields, maskValue, PII_FIELD_NAMES, type BatchTransform, type TransformResult } from './pii.js';
