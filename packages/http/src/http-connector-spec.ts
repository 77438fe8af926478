// What a connector supplies to defineHttpConnector: schema, limits, endpoints, encode, classification, probe.
import type { z } from 'zod';
import type { BatchLimits, ConnectorContext, HttpRequest, LogBatch } from '@outflow/core';
import type { VendorClassification } from './result.js';

/** One request a batch becomes (no signal: the helper adds the attempt's). */
export interface EncodedRequest extends Omit<HttpRequest, 'signal'> {
  /** Indices into the batch of the events it carries (default: all). */
  indices?: readonly number[] | undefined;
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
  encode(batch: LogBatch, config: z.output<S>, ctx: ConnectorContext): EncodedRequest | EncodedRequest[];
  /** Vendor reading of answers before the generic status table. */
  classify?: VendorClassification | undefined;
  /** A request that checks reachability and credentials without writing events (the healthcheck). */
  probe?(config: z.output<S>): EncodedRequest;
  /** Header names whose values previews mask besides those holding a secret (e.g. a signature). */
  maskedHeaders?: readonly string[] | undefined;
  /** Strings to redact besides the secret fields' values (e.g. the token of `Bearer <token>`). */
  secrets?(config: z.output<S>): string[];
  /** Requests of one batch in flight at once when encode returns several. Default 8. */
  concurrency?: number | undefined;
}
