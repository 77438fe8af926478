// A `Connection` class for the Elastic client (@elastic/transport) that sends through Outflow's HTTP transport.
import { transportError, type HttpTransport } from '@outflow/core';

/** What the adapter reads of @elastic/transport's `ConnectionRequestParams` (typed here so @outflow/http needs no Elastic package). */
export interface ElasticConnectionParams {
  method: string;
  /** Already escaped by the client. */
  path: string;
  headers?: Record<string, string | string[] | number | undefined> | undefined;
  body?: unknown;
  querystring?: string | undefined;
}

/** The parts of `ConnectionRequestOptions` the adapter reads. */
export interface ElasticConnectionOptions {
  signal?: AbortSignal | undefined;
  asStream?: boolean | undefined;
}

/** `ConnectionRequestResponse`: status, lower-cased headers and the body as text. */
export interface ElasticConnectionResponse {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** The instance side of @elastic/transport's `BaseConnection` that the adapter uses: the node URL and the auth headers it prepared. */
export interface ElasticBaseConnection {
  url: URL;
  headers: Record<string, string | string[] | number | undefined>;
}

// A mixin base must take `any[]` (TS2545); the client passes one `ConnectionOptions` object.
type ElasticConnectionCtor = new (...args: any[]) => ElasticBaseConnection;

function flatHeaders(...all: Array<Record<string, string | string[] | number | undefined> | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const headers of all)
    for (const [name, value] of Object.entries(headers ?? {}))
      if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  return out;
}

function bodyOf(body: unknown): Buffer | string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || Buffer.isBuffer(body)) return body;
  throw new TypeError('Streamed request bodies are not supported by the Elastic connection adapter; pass a string or a Buffer.');
}

/**
 * A subclass of the client's `BaseConnection` (pass it: `elasticConnectionClass(BaseConnection, transport)`,
 * then `new Client({ Connection })`). Each request is ONE transport request: the egress-checked
 * keep-alive pool, the call's `signal` as the only deadline (required), answers read up to the
 * transport's cap (a longer one fails). Network failures reject with the transport's branded
 * errors (`isTransportError`), which the client passes through unwrapped (it only retries or wraps
 * its own error names), so set `maxRetries: 0` on the client anyway.
 */
export function elasticConnectionClass<B extends ElasticConnectionCtor>(Base: B, transport: HttpTransport): B {
  return class OutflowElasticConnection extends Base {
    async request(params: ElasticConnectionParams, options: ElasticConnectionOptions): Promise<ElasticConnectionResponse> {
      if (options?.asStream) throw new TypeError('Streamed answers are not supported by the Elastic connection adapter.');
      const signal = options?.signal;
      if (!signal) throw new TypeError("The Elastic connection adapter needs the call's AbortSignal (`{ signal }` in the request options).");
      const prefix = this.url.pathname === '/' ? '' : this.url.pathname.replace(/\/$/, '');
      const path = `${prefix}${params.path.startsWith('/') ? '' : '/'}${params.path}`;
      const url = `${this.url.origin}${path}${params.querystring ? `?${params.querystring}` : ''}`;
      const headers = flatHeaders(this.headers, params.headers);
      // The transport sets the length of what it sends; a gzipped body stays as the client made it.
      delete headers['content-length'];
      const res = await transport.request({ method: params.method, url, headers, body: bodyOf(params.body), signal });
      if (res.truncated) throw transportError('ERESPONSETOOLARGE', `The answer (HTTP ${res.status}) is larger than the transport's response cap.`);
      const out: Record<string, string | string[] | undefined> = {};
      for (const [name, value] of Object.entries(res.headers)) out[name.toLowerCase()] = value;
      // The transport decoded any gzip: the client must not decode it again.
      delete out['content-encoding'];
      return { statusCode: res.status, headers: out, body: res.body.toString('utf8') };
    }

    /** The pool is the transport's, not the connection's. */
    async close(): Promise<void> {}
  };
}
