// An AWS SDK v3 request handler (smithy's HttpHandler shape) that sends through Outflow's HTTP transport.
import { transportError, type HttpTransport } from '@outflow/core';

/** The parts of smithy's HttpRequest the handler reads (typed here so @outflow/http needs no AWS package). */
export interface AwsHttpRequest {
  method: string;
  protocol: string;
  hostname: string;
  port?: number | undefined;
  /** Already URI-encoded by the SDK's serializer. */
  path: string;
  query?: Record<string, string | string[] | null | undefined> | undefined;
  headers: Record<string, string>;
  body?: unknown;
}

/** smithy's HttpResponse as a plain object: `HttpResponse.isInstance` checks statusCode and headers. */
export interface AwsHttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** `requestHandler` of an AWS SDK v3 client. */
export type AwsRequestHandler = {
  metadata: { handlerProtocol: string };
  handle(request: AwsHttpRequest, options?: { abortSignal?: unknown }): Promise<{ response: AwsHttpResponse }>;
  updateHttpClientConfig(key: never, value: never): void;
  httpHandlerConfigs(): Record<string, never>;
  /** The transport is not the handler's: destroying a client leaves the pool open. */
  destroy(): void;
};

/** RFC 3986 escaping, as the SDK's own query builder does. */
const escape = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function urlOf(req: AwsHttpRequest): string {
  const query = Object.entries(req.query ?? {}).flatMap(([key, value]) => {
    if (value === undefined) return [];
    if (value === null) return [escape(key)];
    return (Array.isArray(value) ? value : [value]).map((v) => `${escape(key)}=${escape(v)}`);
  });
  return `${req.protocol}//${req.hostname}${req.port ? `:${req.port}` : ''}${req.path}${query.length ? `?${query.join('&')}` : ''}`;
}

async function bodyOf(body: unknown): Promise<Buffer | string | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    const chunks: Buffer[] = [];
    for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks);
  }
  throw new TypeError('The AWS request body is neither a string, bytes nor a stream.');
}

/** The SDK passes the `abortSignal` given to `client.send`: an AbortSignal, or smithy's older `{aborted, onabort}` one. */
function signalOf(given: unknown): AbortSignal {
  if (given instanceof AbortSignal) return given;
  const controller = new AbortController();
  const legacy = given as { aborted?: boolean; onabort?: (() => void) | null } | undefined;
  if (legacy?.aborted) controller.abort();
  else if (legacy && typeof legacy === 'object') legacy.onabort = () => controller.abort();
  return controller.signal;
}

/**
 * A request handler over `transport` (pass `transportFor(ctx)` or a lease's transport): the
 * egress-checked keep-alive pool, the call's `abortSignal` as the only deadline, answers read up
 * to the transport's cap (a longer one fails rather than reach the SDK cut). Network failures
 * reject with the transport's branded errors (`isTransportError`).
 */
export function awsRequestHandler(transport: HttpTransport): AwsRequestHandler {
  return {
    metadata: { handlerProtocol: 'http/1.1' },
    async handle(request, options) {
      const signal = signalOf(options?.abortSignal);
      const body = await bodyOf(request.body);
      const res = await transport.request({ method: request.method, url: urlOf(request), headers: request.headers, body, signal });
      if (res.truncated) throw transportError('ERESPONSETOOLARGE', `The answer (HTTP ${res.status}) is larger than the transport's response cap.`);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(res.headers))
        if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
      return { response: { statusCode: res.status, headers, body: res.body } };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
    destroy() {},
  };
}

/** Client options every SDK client of a connector takes: the handler over `transport` and no SDK retries (the platform retries). */
export function awsClientOptions(transport: HttpTransport): { requestHandler: AwsRequestHandler; maxAttempts: 1 } {
  return { requestHandler: awsRequestHandler(transport), maxAttempts: 1 };
}
