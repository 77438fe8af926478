// An Azure SDK HttpClient (@azure/core-rest-pipeline's shape) that sends through Outflow's HTTP transport.
import { Readable } from 'node:stream';
import { transportError, type HttpTransport } from '@outflow/core';

/** The pipeline's HttpHeaders (typed here so @outflow/http needs no Azure package). */
export interface AzureHttpHeaders extends Iterable<[string, string]> {
  get(name: string): string | undefined;
  has(name: string): boolean;
  set(name: string, value: string | number | boolean): void;
  delete(name: string): void;
  toJSON(options?: { preserveCase?: boolean }): Record<string, string>;
}

/** What the client reads of a PipelineRequest. */
export interface AzurePipelineRequest {
  url: string;
  method: string;
  headers: AzureHttpHeaders;
  body?: unknown;
  /** The operation's `abortSignal` (an AbortSignal or core's AbortSignalLike). */
  abortSignal?: unknown;
  /** Milliseconds; 0 means none. */
  timeout?: number;
  streamResponseStatusCodes?: Set<number> | undefined;
}

/** A PipelineResponse: the body as text, or as a stream for the statuses the request asked to stream. */
export interface AzurePipelineResponse<R extends AzurePipelineRequest = AzurePipelineRequest> {
  request: R;
  status: number;
  headers: AzureHttpHeaders;
  bodyAsText?: string | null;
  readableStreamBody?: NodeJS.ReadableStream;
}

/** `httpClient` of an Azure SDK client's options. */
export interface AzureHttpClient {
  sendRequest<R extends AzurePipelineRequest>(request: R): Promise<AzurePipelineResponse<R>>;
}

/** Pipeline-compatible headers: case-insensitive names, the casing last set kept for `preserveCase`. */
export function azureHttpHeaders(init: Record<string, string | string[] | undefined> = {}): AzureHttpHeaders {
  const map = new Map<string, { name: string; value: string }>();
  const headers: AzureHttpHeaders = {
    get: (name) => map.get(name.toLowerCase())?.value,
    has: (name) => map.has(name.toLowerCase()),
    set: (name, value) => void map.set(name.toLowerCase(), { name, value: String(value) }),
    delete: (name) => void map.delete(name.toLowerCase()),
    toJSON: (options) => Object.fromEntries([...map].map(([key, h]) => [options?.preserveCase ? h.name : key, h.value])),
    *[Symbol.iterator]() {
      for (const [key, h] of map) yield [key, h.value] as [string, string];
    },
  };
  for (const [name, value] of Object.entries(init)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  return headers;
}

async function bodyOf(body: unknown): Promise<Buffer | string | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const stream = typeof body === 'function' ? (body as () => unknown)() : body;
  if (stream && typeof (stream as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    const chunks: Buffer[] = [];
    for await (const chunk of stream as AsyncIterable<Uint8Array | string>) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks);
  }
  throw new TypeError('The Azure request body is neither a string, bytes nor a stream (Blob and FormData are not supported).');
}

/** The attempt's signal: the request's (an AbortSignal, or an AbortSignalLike followed by events), with the request's timeout. */
function signalOf(request: AzurePipelineRequest): AbortSignal {
  const given = request.abortSignal as (AbortSignal | { aborted: boolean; addEventListener(type: 'abort', l: () => void): void }) | undefined;
  let signal: AbortSignal | undefined;
  if (given instanceof AbortSignal) signal = given;
  else if (given && typeof given === 'object') {
    const controller = new AbortController();
    if (given.aborted) controller.abort();
    else given.addEventListener('abort', () => controller.abort());
    signal = controller.signal;
  }
  const timeout = request.timeout && request.timeout > 0 ? AbortSignal.timeout(request.timeout) : undefined;
  if (signal && timeout) return AbortSignal.any([signal, timeout]);
  const chosen = signal ?? timeout;
  if (!chosen) throw new TypeError("The Azure HTTP client needs the attempt's AbortSignal (pass abortSignal to the operation).");
  return chosen;
}

/**
 * An HttpClient over `transport` (pass `transportFor(ctx)` or a lease's transport): each
 * `sendRequest` is one transport request, so the pipeline's retry policy (set `retryOptions:
 * {maxRetries: 0}`) is the only thing that could repeat it. The operation's `abortSignal` is the
 * deadline; answers are read up to the transport's cap (a longer one fails). The transport decodes
 * gzip and deflate, so `content-encoding` is dropped from the answer. Network failures reject with
 * the transport's branded errors (`isTransportError`), which the pipeline passes through.
 */
export function createAzureHttpClient(transport: HttpTransport): AzureHttpClient {
  return {
    async sendRequest(request) {
      const signal = signalOf(request);
      const body = await bodyOf(request.body);
      const res = await transport.request({ method: request.method, url: request.url, headers: request.headers.toJSON({ preserveCase: true }), body, signal });
      if (res.truncated) throw transportError('ERESPONSETOOLARGE', `The answer (HTTP ${res.status}) is larger than the transport's response cap.`);
      const headers = azureHttpHeaders(res.headers);
      headers.delete('content-encoding');
      headers.delete('content-length');
      if (request.streamResponseStatusCodes?.has(res.status)) return { request, status: res.status, headers, readableStreamBody: Readable.from([res.body]) };
      return { request, status: res.status, headers, bodyAsText: res.body.toString('utf8') };
    },
  };
}
