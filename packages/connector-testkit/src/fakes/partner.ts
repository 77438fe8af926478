// A fake "webhook with token" intake (Verosint, Oort, MDR ONE, Perch): Bearer token, JSON body in the vendor's layout, size limit, bad events refused.
import { startFakeServer, type FakeAnswer, type FakeServer, type RecordedRequest } from '../fake-server.js';

/** The token the fake accepts unless told otherwise. */
export const PARTNER_FAKE_TOKEN = 'fakepartnertoken0123456789abcdef';
/** Verosint's published intake path; the other vendors issue their own URLs, served here too. */
export const VEROSINT_PATH = '/v1/signalprint/logs';

export interface PartnerFakeOptions {
  token?: string;
  /** The path the intake serves. Default `/v1/signalprint/logs`. */
  path?: string;
  /** Body layouts the intake takes: a JSON array (Verosint), JSON Lines, or either. Default `array`. */
  layout?: 'array' | 'lines' | 'either';
  /** Largest body accepted (decoded); larger ones get 413. Default 5 MB. */
  maxBodyBytes?: number;
  /** Events the intake deems invalid: a request carrying one is refused whole with 400, as an intake validating the batch does. */
  invalid?: (event: Record<string, unknown>) => boolean;
}

export interface PartnerFake extends FakeServer {
  token: string;
  /** `url` + the intake path. */
  intakeUrl: string;
  /** Events of every accepted request, in order (the `{log_id, data}` envelopes, or whatever was sent). */
  events(): Array<Record<string, unknown>>;
  /** Every request to the intake path, accepted or not. */
  intakeRequests(): RecordedRequest[];
}

const error = (status: number, message: string): FakeAnswer => ({ status, body: { error: message } });

/** The events of a body in the allowed layouts, or an error message. */
function eventsOf(text: string, layout: 'array' | 'lines' | 'either'): Array<Record<string, unknown>> | string {
  const trimmed = text.trimStart();
  const isArray = trimmed.startsWith('[');
  if (layout === 'array' && !isArray) return 'the body must be a JSON array of events';
  if (layout === 'lines' && isArray) return 'the body must be JSON Lines, one event per line';
  try {
    const parsed: unknown = isArray
      ? JSON.parse(text)
      : text
          .split('\n')
          .filter((l) => l.trim() !== '')
          .map((l) => JSON.parse(l) as unknown);
    const events = parsed as unknown[];
    if (events.some((e) => !e || typeof e !== 'object' || Array.isArray(e))) return 'every event must be a JSON object';
    return events as Array<Record<string, unknown>>;
  } catch (err) {
    return `the body is not valid JSON: ${(err as Error).message}`;
  }
}

export async function startPartnerFake(options: PartnerFakeOptions = {}): Promise<PartnerFake> {
  const token = options.token ?? PARTNER_FAKE_TOKEN;
  const path = options.path ?? VEROSINT_PATH;
  const layout = options.layout ?? 'array';
  const maxBodyBytes = options.maxBodyBytes ?? 5_000_000;
  const accepted: Array<Record<string, unknown>> = [];

  const intake = (req: RecordedRequest): FakeAnswer => {
    if (req.method === 'HEAD') return req.headers.authorization === `Bearer ${token}` ? { status: 200 } : { status: 401 };
    if (req.method !== 'POST') return error(405, 'method not allowed');
    const auth = req.headers.authorization;
    if (!auth) return error(401, 'missing Authorization header');
    if (auth !== `Bearer ${token}`) return error(403, 'invalid token');
    const type = String(req.headers['content-type'] ?? '');
    if (!/^application\/(json|x-ndjson)\b/.test(type)) return error(415, `unsupported content type ${type || '(none)'}`);
    if (req.body.length > maxBodyBytes) return error(413, `the body exceeds ${maxBodyBytes} bytes`);
    const events = eventsOf(req.text(), layout);
    if (typeof events === 'string') return error(400, events);
    const bad = options.invalid ? events.findIndex(options.invalid) : -1;
    if (bad >= 0) return error(400, `event ${bad} is invalid`);
    accepted.push(...events);
    return { status: 200, body: { accepted: events.length } };
  };

  const server = await startFakeServer((req) => (req.path === path ? intake(req) : error(404, 'not found')));
  const reset = server.reset;
  return Object.assign(server, {
    token,
    intakeUrl: `${server.url}${path}`,
    events: () => [...accepted],
    intakeRequests: () => server.requests.filter((r) => r.path === path),
    reset: () => {
      reset();
      accepted.length = 0;
    },
  });
}
