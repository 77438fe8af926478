// What a connector supplies to defineHttpConnector: schema, limits, endpoints, encode, classification, probe.
import type { z } from 'zod';
import type {
  BatchLimits,
  ConnectorContext,
  DeliveryError,
  DeliveryResult,
  HealthResult,
  HttpRequest,
  HttpResponse,
  LogBatch,
  NeedsUnmasked,
  TransportError,
} from '@outflow/core';
import type { TlsOptions } from './options.js';
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

/** What a `confirm` hook gets: the config, the context, the send's signal and a way to make more requests in the same attempt. */
export interface FollowUp<C> {
  config: C;
  ctx: ConnectorContext;
  /** The attempt's signal, also aborted when `close()` stops waiting. */
  signal: AbortSignal;
  /** One more request on the connector's transport, classified like the others (vendor table and `classifyError` included). */
  exchange(req: EncodedRequest): Promise<{ outcome: unknown; result: DeliveryResult }>;
}

export interface HttpConnectorSpec<S extends z.ZodType> {
  type: string;
  displayName: string;
  description?: string | undefined;
  configSchema: S;
  limits: BatchLimits;
  /** PII fields the destination needs unmasked, and why (forms warn). */
  needsUnmasked?: NeedsUnmasked | undefined;
  /** The config's destination URLs by field path, checked against the egress policy at create. */
  endpoints(config: z.output<S>): Record<string, string | undefined>;
  /** The request(s) for a non-empty batch. Bodies uncompressed; set `compress` to gzip on the wire. */
  encode(batch: LogBatch, config: z.output<S>, ctx: ConnectorContext): EncodedRequest | EncodedRequest[] | EncodedBatch;
  /** Vendor reading of answers before the generic status table. */
  classify?: VendorClassification | undefined;
  /** A transport error's vendor reading before the generic one (e.g. a refused TLS certificate as `config`); undefined declines. */
  classifyError?(error: TransportError, config: z.output<S>): DeliveryResult | undefined;
  /**
   * After a request succeeded: a follow-up within the same attempt whose result replaces the
   * success (e.g. Splunk's indexer acknowledgement polls). One attempt still: no sleeping past the signal.
   */
  confirm?(response: HttpResponse, follow: FollowUp<z.output<S>>): Promise<DeliveryResult>;
  /** TLS options (custom CA, verification off): the connector then has a transport of its own, closed with it. */
  tls?(config: z.output<S>): TlsOptions | undefined;
  /** Request(s) that check reachability and credentials without writing events (the healthcheck), in order until one is unhealthy. */
  probe?(config: z.output<S>): EncodedRequest | EncodedRequest[];
  /** A vendor reading of the probe's answer (e.g. naming the account); undefined keeps the default reading. */
  health?(response: HttpResponse, result: DeliveryResult): HealthResult | undefined;
  /** Header names whose values previews mask besides those holding a secret (e.g. a signature). */
  maskedHeaders?: readonly string[] | undefined;
  /** Strings to redact besides the secret fields' values (e.g. the token of `Bearer <token>`). */
  secrets?(config: z.output<S>): string[];
  /** Requests of one batch in flight at once when encode returns several. Default 8. */
  concurrency?: number | undefined;
}
