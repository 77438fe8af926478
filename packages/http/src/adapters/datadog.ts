// Plugs the shared transport into the Datadog SDK's HttpLibrary: one attempt per call, the attempt's signal as deadline, no retries.
import type { HttpResponse, HttpTransport } from '@outflow/core';

/** What the adapter reads of the SDK's `RequestContext`, typed structurally so @outflow/http does not depend on the SDK. */
export interface DatadogRequestContext {
  getUrl(): string;
  getHttpMethod(): string;
  getHeaders(): Record<string, string>;
  getBody(): unknown;
  getHttpConfig(): { signal?: unknown };
}

/** The SDK's `ResponseBody`. */
export interface DatadogResponseBody {
  text(): Promise<string>;
  binary(): Promise<Buffer>;
}

export interface DatadogHttpLibraryOptions<R> {
  transport: HttpTransport;
  /** The SDK's `client.ResponseContext` constructor. */
  ResponseContext: new (
    status: number,
    headers: Record<string, string>,
    body: DatadogResponseBody,
  ) => R;
  /** The attempt's signal, the deadline of every request (combined with the SDK's `httpConfig.signal` when both are set). */
  signal?: AbortSignal | undefined;
  /** Put before the SDK's User-Agent, e.g. `outflow/0.1.0`. */
  userAgent?: string | undefined;
  /** Sees each raw answer: the SDK's `ApiException` keeps the status and body but drops the headers (Retry-After). */
  onResponse?(response: HttpResponse): void;
}

/** An HttpLibrary for the Datadog SDK (`createConfiguration({httpApi})`). */
export interface DatadogHttpLibrary<R> {
  send(request: DatadogRequestContext): Promise<R>;
}

function signalOf(own: AbortSignal | undefined, sdk: unknown): AbortSignal {
  const fromSdk = sdk instanceof AbortSignal ? sdk : undefined;
  if (own && fromSdk) return AbortSignal.any([own, fromSdk]);
  const signal = own ?? fromSdk;
  if (!signal) throw new TypeError("The Datadog HTTP library needs the attempt's AbortSignal (options.signal or httpConfig.signal).");
  return signal;
}

/**
 * Each `send` is one transport request: the SDK's retry settings (`enableRetry`, `maxRetries`)
 * are ignored, so the platform stays the only one that retries. A body the SDK marks
 * `Content-Encoding: gzip` is gzipped by the transport; other encodings and multipart bodies are
 * refused. Network failures reject with the transport's branded error, which the SDK passes through.
 */
export function createDatadogHttpLibrary<R>(options: DatadogHttpLibraryOptions<R>): DatadogHttpLibrary<R> {
  return {
    async send(request) {
      const headers = { ...request.getHeaders() };
      const raw = request.getBody();
      if (raw !== undefined && typeof raw !== 'string' && !Buffer.isBuffer(raw)) throw new TypeError('Multipart bodies are not supported.');
      const body = raw as string | Buffer | undefined;
      const encoding = headers['Content-Encoding'];
      if (encoding !== undefined && encoding !== 'gzip') throw new TypeError(`Content-Encoding ${encoding} is not supported; use gzip.`);
      delete headers['Content-Encoding'];
      if (options.userAgent) {
        const key = Object.keys(headers).find((k) => k.toLowerCase() === 'user-agent') ?? 'User-Agent';
        headers[key] = `${options.userAgent} ${headers[key] ?? ''}`.trim();
      }
      const response = await options.transport.request({
        method: request.getHttpMethod(),
        url: request.getUrl(),
        headers,
        body,
        compress: encoding === 'gzip' && body !== undefined ? 'gzip' : undefined,
        signal: signalOf(options.signal, request.getHttpConfig().signal),
      });
      options.onResponse?.(response);
      const flat: Record<string, string> = {};
      for (const [k, v] of Object.entries(response.headers)) if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(', ') : v;
      return new options.ResponseContext(response.status, flat, { text: async () => response.body.toString('utf8'), binary: async () => response.body });
    },
  };
}
