// A fetch client of the runner's management API: bearer token, Auth0-shaped errors, clear network failures.
import { ApiError, CliError } from './cli-errors.js';
import type { ApiAnswer, ApiClient, ApiClientOptions, FieldIssue } from './types.js';

const DEFAULT_TIMEOUT_MS = 30_000;

/** The base URL checked and without credentials or a trailing slash; a bad one is a usage error. */
export function normalizeBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CliError(`--url "${raw}" is not a URL; expected something like http://127.0.0.1:8080.`, 2);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CliError(`--url must be http:// or https://, got "${url.protocol}".`, 2);
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  return url.toString().replace(/\/+$/, '');
}

/** Why fetch failed, in words naming the runner's URL (the token is never part of it). */
function networkError(err: unknown, url: string, timeoutMs: number): CliError {
  const e = err as { name?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return new CliError(`The Outflow runner at ${url} did not answer within ${timeoutMs / 1000} s.`);
  const code = e.cause?.code;
  if (code === 'ECONNREFUSED')
    return new CliError(`Cannot connect to the Outflow runner at ${url}: connection refused. Is it running? Set --url or OUTFLOW_URL.`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new CliError(`Cannot connect to the Outflow runner at ${url}: the host name does not resolve.`);
  const why = e.cause?.message ?? (err instanceof Error ? err.message : String(err));
  return new CliError(`Cannot connect to the Outflow runner at ${url}: ${why}${code ? ` (${code})` : ''}.`);
}

function fieldErrors(body: unknown): FieldIssue[] {
  const list = (body as { errors?: unknown })?.errors;
  if (!Array.isArray(list)) return [];
  return list
    .filter((e): e is FieldIssue => typeof e === 'object' && e !== null && typeof (e as FieldIssue).message === 'string')
    .map((e) => ({ path: String(e.path ?? ''), message: e.message }));
}

/** A non-2xx answer as an ApiError: the API's message and errorCode when it sent them. */
function answerError(res: Response, text: string, parsed: unknown): ApiError {
  const p = parsed as { message?: unknown; errorCode?: unknown } | undefined;
  const message = typeof p?.message === 'string' ? p.message : `${res.status} ${res.statusText || 'error'}${text ? `: ${text.slice(0, 200)}` : ''}`;
  return new ApiError(
    res.status,
    message,
    typeof p?.errorCode === 'string' ? p.errorCode : undefined,
    fieldErrors(parsed),
    parsed,
    res.headers.get('retry-after') ?? undefined,
  );
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const base = normalizeBaseUrl(options.url);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    url: base,
    async request<T>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>> {
      let res: Response;
      try {
        res = await fetch(`${base}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${options.token}`,
            accept: 'application/json',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        throw networkError(err, base, timeoutMs);
      }
      const text = await res.text();
      const parsed = parseJson(text);
      if (!res.ok) throw answerError(res, text, parsed);
      if (text && parsed === undefined) throw new CliError(`The runner at ${base} answered ${method} ${path} with a body that is not JSON.`);
      return { status: res.status, body: parsed as T, headers: res.headers };
    },
    async openStream(path, signal) {
      let res: Response;
      // Only the answer's headers are timed: the stream lasts until `signal` aborts or the runner ends it.
      const ctl = new AbortController();
      const follow = () => ctl.abort(signal.reason);
      signal.addEventListener('abort', follow, { once: true });
      const timer = setTimeout(() => ctl.abort(new DOMException('The runner did not answer in time.', 'TimeoutError')), timeoutMs);
      try {
        res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${options.token}`, accept: 'text/event-stream' }, signal: ctl.signal });
      } catch (err) {
        throw networkError(err, base, timeoutMs);
      } finally {
        clearTimeout(timer);
      }
      if (!res.ok) {
        const text = await res.text();
        throw answerError(res, text, parseJson(text));
      }
      if (!res.body) throw new CliError(`The runner at ${base} answered GET ${path} without a body.`);
      return res.body;
    },
  };
}
