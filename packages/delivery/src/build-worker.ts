// Turns a stored stream into a running worker: config parsed, connector created, PII prepared.
import { collectSecrets, operatorOnlyPaths, redactText, valueAtPath, type Clock, type EgressGuard, type Logger, type Store, type StoredStream } from '@outflow/core';
import { appendHealth, errorText } from './health.js';
import { createPiiTransform } from './pii.js';
import { createStreamBackoff } from './stream-backoff.js';
import type { WorkerShared } from './worker.js';
import type { ConnectorRegistry, DeliveryOptions } from './types.js';
import { startWorker, type StreamWorker } from './worker.js';
import { WorkerStatusTracker } from './worker-status.js';

export interface WorkerDeps {
  store: Store;
  connectors: ConnectorRegistry;
  clock: Clock;
  logger: Logger;
  egress: EgressGuard;
  options: DeliveryOptions;
  random: () => number;
  shared: WorkerShared;
}

export type BuildResult = { worker: StreamWorker } | { worker: null; status: WorkerStatusTracker };

/** zod issues as one line: `path: message; path: message`. */
function describeIssues(err: unknown): string {
  const issues = (err as { issues?: Array<{ path?: PropertyKey[]; message?: string }> } | undefined)?.issues;
  if (!Array.isArray(issues) || issues.length === 0) return err instanceof Error ? err.message : String(err);
  return issues.map((i) => `${(i.path ?? []).map(String).join('.') || '(root)'}: ${i.message ?? 'invalid'}`).join('; ');
}

/**
 * Starts a worker for an active stream. A config the connector refuses (schema, egress, unknown
 * type) leaves the stream active but idle, with a `delivery_failed`/`config` health record.
 */
export async function buildWorker(deps: WorkerDeps, stream: StoredStream): Promise<BuildResult> {
  const { store, clock } = deps;
  const logger = deps.logger.child({ component: 'delivery', stream: stream.id, tenant: stream.tenant });
  let secrets: string[] = [];
  const fail = async (message: string): Promise<BuildResult> => {
    const text = redactText(message, secrets);
    await appendHealth({ store, stream, clock, logger, secrets }, { kind: 'delivery_failed', errorKind: 'config', message: text });
    logger.warn({ type: stream.type, error: text }, 'The stream cannot start: its configuration was refused.');
    return { worker: null, status: new WorkerStatusTracker('idle', { kind: 'config', message: text, at: clock.now() }) };
  };
  const definition = deps.connectors.get(stream.type);
  if (!definition) return fail(`No connector is installed for stream type "${stream.type}".`);
  let config: unknown;
  try {
    const parsed = await definition.configSchema.safeParseAsync(stream.sink);
    if (!parsed.success) return fail(`The stream's sink configuration is invalid: ${describeIssues(parsed.error)}`);
    config = parsed.data;
  } catch (err) {
    return fail(`The stream's sink configuration could not be checked: ${describeIssues(err)}`);
  }
  secrets = collectSecrets(config);
  // The API refuses these fields; a stream stored before that (or written to the store directly) must not use them either.
  if (stream.managedBy !== 'config') {
    const refused = operatorOnlyPaths(definition.configSchema).filter((path) => valueAtPath(stream.sink, path) !== undefined);
    if (refused.length) return fail(`The stream's sink sets ${refused.join(', ')}, which only the operator's config file may set; remove it from the stream.`);
  }
  let connector;
  try {
    connector = definition.create(
      { streamId: stream.id, tenant: stream.tenant, logger: deps.logger.child({ component: 'connector', type: stream.type, stream: stream.id }), clock, egress: deps.egress },
      config,
    );
  } catch (err) {
    return fail(`The connector could not be created: ${errorText(err, secrets)}`);
  }
  let transform;
  try {
    transform = await createPiiTransform(stream.pii_config);
  } catch (err) {
    await connector.close().catch(() => undefined);
    return fail(`The PII settings could not be applied: ${errorText(err, secrets)}`);
  }
  const worker = startWorker(
    {
      stream,
      store,
      clock,
      options: deps.options,
      logger,
      connector,
      limits: definition.limits,
      secrets,
      transform,
      random: deps.random,
      status: new WorkerStatusTracker(),
      backoff: createStreamBackoff(deps.options),
      failure: { failing: stream.state.failingSince !== null, store: { failures: 0, writes: false }, suspended: false },
      committed: { cursor: stream.state.cursor, generation: stream.state.generation },
    },
    deps.shared,
  );
  return { worker };
}
