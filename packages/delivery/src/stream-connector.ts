// The one path from a stream to a ready connector: type, parsed sink, secrets, operator-only check, connector, PII.
import {
  collectSecrets,
  compileFilter,
  operatorOnlyPaths,
  redactText,
  type BatchLimits,
  type Clock,
  type Connector,
  type ConnectorDefinition,
  type EgressGuard,
  type EventFilter,
  type HttpTransport,
  type LogBatch,
  type Logger,
  type StreamDefinition,
  valueAtPath,
} from '@outflow/core';
import { errorText } from './health.js';
import { createPiiTransform, type BatchTransform } from './pii.js';
import { probeConnector, type ProbeOutcome } from './probe.js';
import { prepareBatches, type PrepareOptions } from './stream-batches.js';
import type { ConnectorRegistry } from './types.js';

/** What opening a stream's connector needs: the installed connectors and the runner's shared parts. */
export interface StreamConnectorDeps {
  connectors: ConnectorRegistry;
  egress: EgressGuard;
  /** The runner's logger; the connector gets a child `{component: 'connector', type, stream}`. */
  logger: Logger;
  clock: Clock;
  /** The runner's HTTP transport (one keep-alive pool behind the egress guard), handed to every connector as `ctx.http`. */
  http?: HttpTransport | undefined;
}

/** The parts of a stream the path reads; streams not from the config file may not set operator-only fields. */
export type StreamSpec = Pick<StreamDefinition, 'id' | 'tenant' | 'type' | 'sink'> & Partial<Pick<StreamDefinition, 'filters' | 'pii_config' | 'managedBy'>>;

/** A stream's connector, ready: parsed config, secrets to redact, limits and the stream's batch preparation. */
export interface StreamConnector {
  readonly definition: ConnectorDefinition<unknown>;
  readonly config: unknown;
  readonly connector: Connector;
  readonly secrets: string[];
  readonly limits: BatchLimits;
  /** The stream's filters (null: every event), as the worker's store reads apply them. */
  readonly filter: EventFilter | null;
  /** The stream's pii_config as a transform (null: none). */
  readonly transform: BatchTransform | null;
  /** The batches the worker would hand the connector for these events: filtered, chunked, PII applied. */
  prepare(batch: LogBatch, options?: PrepareOptions): LogBatch[];
  /** Calls the connector's healthcheck with a deadline; never throws, secrets redacted. */
  probe(timeoutMs: number, signal?: AbortSignal): Promise<ProbeOutcome>;
  close(): Promise<void>;
}

/** Why a stream has no connector; `message` is redacted and says what to fix. */
export type StreamConnectorFailure =
  | { reason: 'unknown_type'; message: string }
  | { reason: 'invalid_config'; message: string; error: unknown }
  | { reason: 'operator_only'; message: string; paths: string[] }
  | { reason: 'create_failed'; message: string; error: unknown }
  | { reason: 'pii'; message: string };

export type OpenResult = { ok: true; stream: StreamConnector } | { ok: false; failure: StreamConnectorFailure; secrets: string[] };

/** The stream-to-connector path bound to a runner's deps: what the worker, test send, preview, validate and probe call. */
export type OpenStreamConnector = (stream: StreamSpec) => Promise<OpenResult>;

/** zod issues as one line: `path: message; path: message`. */
export function describeIssues(err: unknown): string {
  const issues = (err as { issues?: Array<{ path?: PropertyKey[]; message?: string }> } | undefined)?.issues;
  if (!Array.isArray(issues) || issues.length === 0) return err instanceof Error ? err.message : String(err);
  return issues.map((i) => `${(i.path ?? []).map(String).join('.') || '(root)'}: ${i.message ?? 'invalid'}`).join('; ');
}

/** Opens the connector of a stream; a refusal is returned (never thrown) with a message naming the problem. */
export async function openStreamConnector(deps: StreamConnectorDeps, stream: StreamSpec): Promise<OpenResult> {
  let secrets: string[] = [];
  const fail = (failure: StreamConnectorFailure): OpenResult => ({
    ok: false,
    failure: { ...failure, message: redactText(failure.message, secrets) },
    secrets,
  });
  const definition = deps.connectors.get(stream.type);
  if (!definition) return fail({ reason: 'unknown_type', message: `No connector is installed for stream type "${stream.type}".` });
  let config: unknown;
  try {
    const parsed = await definition.configSchema.safeParseAsync(stream.sink);
    if (!parsed.success)
      return fail({ reason: 'invalid_config', message: `The stream's sink configuration is invalid: ${describeIssues(parsed.error)}`, error: parsed.error });
    config = parsed.data;
  } catch (err) {
    return fail({ reason: 'invalid_config', message: `The stream's sink configuration could not be checked: ${describeIssues(err)}`, error: err });
  }
  secrets = collectSecrets(config);
  // The API refuses these fields; a stream stored before that (or written to the store directly) must not use them either.
  if (stream.managedBy !== 'config') {
    const paths = operatorOnlyPaths(definition.configSchema).filter((path) => valueAtPath(stream.sink, path) !== undefined);
    if (paths.length)
      return fail({
        reason: 'operator_only',
        message: `The stream's sink sets ${paths.join(', ')}, which only the operator's config file may set; remove it from the stream.`,
        paths,
      });
  }
  let transform: BatchTransform | null;
  try {
    transform = await createPiiTransform(stream.pii_config);
  } catch (err) {
    return fail({ reason: 'pii', message: `The PII settings could not be applied: ${errorText(err, secrets)}` });
  }
  let connector: Connector;
  try {
    const logger = deps.logger.child({ component: 'connector', type: stream.type, stream: stream.id });
    connector = definition.create({ streamId: stream.id, tenant: stream.tenant, logger, clock: deps.clock, egress: deps.egress, http: deps.http }, config);
  } catch (err) {
    return fail({ reason: 'create_failed', message: `The connector could not be created: ${errorText(err, secrets)}`, error: err });
  }
  const filter = compileFilter(stream.filters);
  const limits = definition.limits;
  return {
    ok: true,
    stream: {
      definition,
      config,
      connector,
      secrets,
      limits,
      filter,
      transform,
      prepare: (batch, options) => prepareBatches({ filter, transform, limits }, batch, options),
      probe: (timeoutMs, signal) => probeConnector(connector, { clock: deps.clock, timeoutMs, secrets, signal }),
      close: () => connector.close().catch(() => undefined),
    },
  };
}

/** `openStreamConnector` bound to `deps`. */
export function streamConnectorFactory(deps: StreamConnectorDeps): OpenStreamConnector {
  return (stream) => openStreamConnector(deps, stream);
}
