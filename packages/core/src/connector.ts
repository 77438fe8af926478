// The connector contract: a definition (schema, limits, factory) and a connector that sends once.
import type { z } from 'zod';
import { BRANDS, brandOf, setBrand } from './brands.js';
import type { LogBatch } from './batch.js';
import type { Clock } from './clock.js';
import type { EgressGuard } from './egress.js';
import type { DeliveryError } from './errors.js';
import type { HttpTransport } from './http-types.js';
import type { BatchLimits, Logger } from './types.js';

export const CONNECTOR_API_VERSION = 1 as const;

/**
 * The outcome of one attempt. Connectors classify; the platform retries, splits and
 * dead-letters. `send` resolves one of these for every expected outcome and never rejects.
 */
export type DeliveryResult =
  | { status: 'success' }
  | { status: 'partial'; failed: ReadonlyArray<ItemFailure> }
  | { status: 'retryable'; error: DeliveryError; retryAfterMs?: number | undefined }
  | { status: 'permanent'; error: DeliveryError };

/** One event of a batch that the destination refused (index into the batch). */
export interface ItemFailure {
  index: number;
  retryable: boolean;
  reason: string;
  status?: number | undefined;
}

export type HealthResult = { ok: true; message?: string } | { ok: false; error: DeliveryError };

/** The exact request(s) a destination would receive, secrets masked. */
export interface PayloadPreview {
  requests: Array<{ method: string; url: string; headers: Record<string, string>; body: string }>;
}

export interface ConnectorContext {
  readonly streamId: string;
  readonly tenant: string;
  /** Child logger bound to `{component: 'connector', type, stream}`. */
  readonly logger: Logger;
  readonly clock: Clock;
  /** Checks destination addresses against the runner's egress policy (also at connect time). */
  readonly egress: EgressGuard;
  /** The runner's shared HTTP transport (`@outflow/http`); connectors get one with `transportFor(ctx)`. */
  readonly http?: HttpTransport | undefined;
}

export interface Connector {
  /** Checks that the destination is reachable and accepts the credentials; writes no events. */
  healthcheck(signal: AbortSignal): Promise<HealthResult>;
  /** Delivers one batch in ONE attempt; never retries internally. */
  send(batch: LogBatch, signal: AbortSignal): Promise<DeliveryResult>;
  /** What the destination would receive for this batch, secrets masked. */
  preview?(batch: LogBatch): PayloadPreview;
  /** Releases clients and sockets. Safe to call twice. */
  close(): Promise<void>;
}

/** PII fields a destination relies on (e.g. a fraud service reading email and user name) and the reason shown when they are masked. */
export interface NeedsUnmasked {
  fields: readonly string[];
  reason: string;
}

export interface ConnectorDefinition<C = unknown> {
  /** The stream `type` this connector serves (Auth0's names where Auth0 has the type). */
  readonly type: string;
  readonly apiVersion: typeof CONNECTOR_API_VERSION;
  readonly displayName: string;
  readonly description?: string;
  /** One source for validation, docs and dashboard forms; secret fields use `secret()`. */
  readonly configSchema: z.ZodType<C>;
  /** Hard limits of one request to this destination. */
  readonly limits: BatchLimits;
  /** PII fields (Auth0 `pii_config.log_fields` names) the destination needs unmasked, and why; forms warn when they are masked. */
  readonly needsUnmasked?: NeedsUnmasked | undefined;
  create(ctx: ConnectorContext, config: C): Connector;
}

/** Keeps the config type of a definition and brands it with the connector API version it targets. */
export function defineConnector<S extends z.ZodType>(
  definition: Omit<ConnectorDefinition<z.output<S>>, 'configSchema' | 'apiVersion'> & { configSchema: S; apiVersion?: 1 },
): ConnectorDefinition<z.output<S>> {
  const out = { ...definition, apiVersion: CONNECTOR_API_VERSION } as ConnectorDefinition<z.output<S>>;
  setBrand(out, BRANDS.connectorDefinition, CONNECTOR_API_VERSION);
  return out;
}

/**
 * The connector API version a definition was made for by `defineConnector` (of any copy of
 * core), or undefined for an object that was not.
 */
export function definitionApiVersion(value: unknown): number | undefined {
  const version = brandOf(value, BRANDS.connectorDefinition);
  return typeof version === 'number' ? version : undefined;
}

export type ConfigOf<D> = D extends ConnectorDefinition<infer C> ? C : never;
