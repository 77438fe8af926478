// A fake Datadog: Logs intake v2 (POST /api/v2/logs) with DD-API-KEY, gzip and limits, plus GET /api/v1/validate.
import { startFakeServer, type FakeAnswer, type FakeServer, type RecordedRequest } from '../fake-server.js';

/** The API key the fake accepts unless told otherwise. */
export const DATADOG_FAKE_API_KEY = 'fakedatadogapikey0123456789abcdef';

/** Datadog's documented intake limits: per request (uncompressed), per array and per log. */
export const DATADOG_INTAKE_LIMITS = { maxPayloadBytes: 5_000_000, maxItems: 1000, maxItemBytes: 1_000_000 } as const;

export const DATADOG_INTAKE_PATH = '/api/v2/logs';
export const DATADOG_VALIDATE_PATH = '/api/v1/validate';

export interface DatadogFakeOptions {
  /** The API key the fake accepts. Default `DATADOG_FAKE_API_KEY`. */
  apiKey?: string;
}

/** One log item as Datadog received it (reserved attributes plus whatever else was sent). */
export interface DatadogLogItem {
  ddsource?: string;
  ddtags?: string;
  hostname?: string;
  message?: string;
  service?: string;
  [attribute: string]: unknown;
}

export interface DatadogFake extends FakeServer {
  apiKey: string;
  /** Log items of every intake request the fake accepted (HTTP 202), in order. */
  logs(): DatadogLogItem[];
  /** Every intake request (POST /api/v2/logs), accepted or not. */
  intakeRequests(): RecordedRequest[];
  /** Requests to GET /api/v1/validate. */
  validateRequests(): RecordedRequest[];
}

/** Datadog's intake error shape (`HTTPLogErrors`). */
export function datadogError(status: number, title: string, detail?: string): FakeAnswer {
  return { status, body: { errors: [{ status: String(status), title, ...(detail ? { detail } : {}) }] } };
}

/** HTTP 429 with Datadog's rate-limit headers; `x-ratelimit-reset` is seconds until the window resets. */
export function datadogRateLimited(resetSeconds: number): FakeAnswer {
  return {
    status: 429,
    headers: { 'x-ratelimit-limit': '100', 'x-ratelimit-period': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(resetSeconds) },
    body: { errors: [{ status: '429', title: 'Too Many Requests' }] },
  };
}

/** The log items of one intake request (a JSON array, or a single object), or undefined when not JSON. */
export function datadogItemsOf(req: RecordedRequest): DatadogLogItem[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(req.text());
  } catch {
    return undefined;
  }
  if (Array.isArray(parsed)) return parsed as DatadogLogItem[];
  return parsed && typeof parsed === 'object' ? [parsed as DatadogLogItem] : undefined;
}

function header(req: RecordedRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export async function startDatadogFake(options: DatadogFakeOptions = {}): Promise<DatadogFake> {
  const apiKey = options.apiKey ?? DATADOG_FAKE_API_KEY;
  const accepted: DatadogLogItem[] = [];

  const intake = (req: RecordedRequest): FakeAnswer => {
    const key = header(req, 'dd-api-key');
    if (!key) return datadogError(401, 'Unauthorized', 'The DD-API-KEY header is missing.');
    if (key !== apiKey) return datadogError(403, 'Forbidden', 'Invalid API key.');
    const encoding = header(req, 'content-encoding');
    if (encoding !== undefined && encoding !== 'gzip' && encoding !== 'identity') {
      return datadogError(400, 'Bad Request', `Unsupported Content-Encoding ${encoding}.`);
    }
    if (!String(header(req, 'content-type') ?? '').startsWith('application/json')) {
      return datadogError(400, 'Bad Request', 'This fake only speaks application/json.');
    }
    if (req.body.length > DATADOG_INTAKE_LIMITS.maxPayloadBytes) return datadogError(413, 'Request Entity Too Large', 'The payload exceeds 5 MB.');
    const items = datadogItemsOf(req);
    if (!items || items.some((i) => !i || typeof i !== 'object' || Array.isArray(i)))
      return datadogError(400, 'Bad Request', 'The body is not a JSON array of log objects.');
    if (items.length > DATADOG_INTAKE_LIMITS.maxItems) return datadogError(413, 'Request Entity Too Large', 'More than 1000 log entries in one array.');
    // Datadog truncates logs over 1 MB and still accepts them; the fake keeps them whole.
    accepted.push(...items);
    return { status: 202, body: {} };
  };

  const validate = (req: RecordedRequest): FakeAnswer =>
    header(req, 'dd-api-key') === apiKey ? { status: 200, body: { valid: true } } : { status: 403, body: { errors: ['Forbidden'] } };

  const handler = (req: RecordedRequest): FakeAnswer => {
    if (req.path === DATADOG_INTAKE_PATH) return req.method === 'POST' ? intake(req) : datadogError(405, 'Method Not Allowed');
    if (req.path === DATADOG_VALIDATE_PATH) return req.method === 'GET' ? validate(req) : { status: 405, body: { errors: ['Method Not Allowed'] } };
    return { status: 404, body: { errors: ['Not found'] } };
  };

  const server = await startFakeServer(handler);
  const reset = server.reset;
  return Object.assign(server, {
    apiKey,
    logs: () => [...accepted],
    intakeRequests: () => server.requests.filter((r) => r.path === DATADOG_INTAKE_PATH),
    validateRequests: () => server.requests.filter((r) => r.path === DATADOG_VALIDATE_PATH),
    reset: () => {
      reset();
      accepted.length = 0;
    },
  });
}
