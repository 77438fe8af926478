// The HTTP transport's contract (implemented by @outflow/http): one request per call, capped answers, branded network errors.
import type http from 'node:http';
import type https from 'node:https';

/** One HTTP request. The signal is its only deadline. */
export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string> | undefined;
  body?: Buffer | string | undefined;
  signal: AbortSignal;
  /** Read at most this much of the answer (default: the transport's cap). */
  maxResponseBytes?: number | undefined;
  /** `gzip` compresses the body and sends `Content-Encoding: gzip`. */
  compress?: 'gzip' | undefined;
  /**
   * A plain node:http request instead of axios, same agents, cap and errors: for a hot path
   * where axios' per-request work showed in the bench (ADR 0007). Ignored when a proxy applies.
   */
  lean?: boolean | undefined;
}

/** An answer of any status; `truncated` when the body was cut at the cap. gzip, deflate and br are decoded. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  truncated: boolean;
}

export interface HttpTransport {
  /** Resolves for every HTTP status; rejects only with a transport error (`isTransportError`). */
  request(req: HttpRequest): Promise<HttpResponse>;
  /** The guarded keep-alive agents, for vendor SDKs that take node agents. */
  nodeAgents(): { http: http.Agent; https: https.Agent };
  /** Destroys the pool's sockets. Safe to call twice. */
  close(): Promise<void>;
}

export const TRANSPORT_ERROR = Symbol.for('outflow.transport-error');

/** Network failure codes: node's (`ECONNREFUSED`, `ECONNRESET`, …) plus these. */
export type TransportErrorCode = 'ABORTED' | 'ETIMEDOUT' | 'EGRESS_REFUSED' | (string & {});

export interface TransportError extends Error {
  readonly [TRANSPORT_ERROR]: true;
  readonly code: TransportErrorCode;
}

/** Recognises a transport error by its brand, whichever copy of the package made it. */
export function isTransportError(err: unknown): err is TransportError {
  return typeof err === 'object' && err !== null && (err as Record<symbol, unknown>)[TRANSPORT_ERROR] === true;
}

/** A transport error with `code`; `cause` should already be scrubbed of secrets. */
export function transportError(code: TransportErrorCode, message: string, cause?: unknown): TransportError {
  const err = new Error(message, cause === undefined ? undefined : { cause }) as Error & { code: string; [TRANSPORT_ERROR]: true };
  err.name = 'TransportError';
  err.code = code;
  Object.defineProperty(err, TRANSPORT_ERROR, { value: true });
  return err as TransportError;
}
