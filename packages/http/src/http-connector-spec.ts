// What a connector supplies to defineHttpConnector: schema, limits, endpoints, encode, classification, probe.
import type { z } from 'zod';
import type { BatchLimits, ConnectorContext, DeliveryError, DeliveryResult, HealthResult, HttpRequest, HttpResponse, LogBatch } from '@outflow/core';
import type { VendorClassification } from './result.js';

/** One request a batch becomes (no signal: the helper adds the attempt's). */
export interface EncodedRequest extends Omit<HttpRequest, 'signal'> {
  /** Indices into the batch of the events it carries (default: all). */
  indices?: readonly number[] | undefined;
}

/** Events encode refuses without sending (e.g. over a vendor's per-event limit): failed permanently with `error`. */
export interface RefusedEvents {
  indices: readonly number[];
  error: DeliveryError;
}

/** encode's full answer: the requests, plus events refused before any request. */
export interface EncodedBatch {
  requests: EncodedRequest[];
  refused?: RefusedEvents | undefined;
}

export interface HttpConnectorSpec<S extends z.ZodType> {
  type: string;
  displayName: string;
  description?: string | undefined;
  configSchema: S;
  limits: BatchLimits;
  /** The config's destination URLs by field path, checked against the egress policy at create. */
  endpoints(config: z.output<S>): Record<string, string | undefined>;
  /** The request(s) for a non-empty batch. Bodies uncompressed; set `compress` to gzip on the wire. */
  encode(batch: LogBatch, config: z.output<S>, ctx: ConnectorContext): EncodedRequest | EncodedRequest[] | EncodedBatch;
  /** Vendor reading of answers before the generic status table. */
  classify?: VendorClassification | undefined;
  /** A request that checks reachability and credentials without writing events (the healthcheck). */
  probe?(config: z.output<S>): EncodedRequest;
  /** A vendor reading of the probe's answer (e.g. naming the account); undefined keeps the default reading. */
  health?(response: HttpResponse, result: DeliveryResult): HealthResult | undefined;
  /** Header names whose values previews mask besides those holding a secret (e.g. a signature). */
  maskedHeaders?: readonly string[] | undefined;
  /** Strings to redact besides the secret fields' values (e.g. the token of `Bearer <token>`). */
  secrets?(config: z.output<S>): string[];
  /** Requests of one batch in flight at once when encode returns several. Default 8. */
  concurrency?: number | undefined;
  /** An optional per-request deadline from the config (ms), on top of the attempt's signal. */
  timeoutMs?(config: z.output<S>): number | undefined;
}
