// A fake Sumo Logic HTTP Logs source: the source URL or x-sumo-token, gzip/deflate, log content types, the 1 MB and 64 KB limits.
import { inflateSync } from 'node:zlib';
import { startFakeServer, type FakeAnswer, type FakeServer, type RecordedRequest } from '../fake-server.js';

/** The source code (last segment of the source address) the fake accepts unless told otherwise. */
export const SUMO_FAKE_CODE = 'ZaVnC4dhaV3fakeSumoSourceCode0123456789abcdefghij';
/** The x-sumo-token the fake accepts (auth-header mode) unless told otherwise. */
export const SUMO_FAKE_TOKEN = 'fakeSumoAuthHeaderToken0123456789abcdefghijkl';

/** The receiver's path; the source address is this plus `/<code>`. */
export const SUMO_RECEIVER_PATH = '/receiver/v1/http';

/** "Up to but not exceeding 1MB of uncompressed data" per request; messages over 64 KB are split (`_size = 65536`). */
export const SUMO_LIMITS = { maxPayloadBytes: 1_000_000, maxMessageBytes: 65_536 } as const;

/** Content types that make the source parse the body as metrics instead of logs. */
const METRIC_TYPES = /^application\/vnd\.sumologic\.(graphite|carbon2|prometheus)/i;

export interface SumoFakeOptions {
  /** The source code accepted in the source address. Default `SUMO_FAKE_CODE`. */
  code?: string;
  /** The token accepted in auth-header mode. Default `SUMO_FAKE_TOKEN`. */
  token?: string;
  /** Lines the fake refuses: a request with one is answered 400 as a whole and nothing of it is kept (Sumo has no per-message results). */
  refuse?: (line: string) => boolean;
}

/** One message as the source ingested it, with the request's metadata overrides. */
export interface SumoMessage {
  text: string;
  category?: string | undefined;
  name?: string | undefined;
  host?: string | undefined;
  /** X-Sumo-Fields as parsed by the source. */
  fields: Record<string, string>;
}

export interface SumoFake extends FakeServer {
  code: string;
  token: string;
  /** The source address (presigned URL) of the fake source. */
  sourceAddress: string;
  /** The URL used with `x-sumo-token` (auth-header mode). */
  endpoint: string;
  /** Messages of every request the fake accepted (HTTP 200), in order. */
  messages(): SumoMessage[];
  /** `log_id` of every accepted message that is a JSON envelope (duplicates kept). */
  logIds(): string[];
  /** POSTs to the receiver, accepted or not. */
  deliveries(): RecordedRequest[];
}

/** The receiver's error answer (plain text, as the throttling message Sumo documents). */
export const sumoError = (status: number, message: string): FakeAnswer => ({ status, headers: { 'content-type': 'text/plain' }, body: message });

/** HTTP 429 as Sumo answers quota throttling, with Retry-After in seconds. */
export const sumoThrottled = (retryAfterSeconds: number): FakeAnswer => ({
  status: 429,
  headers: { 'content-type': 'text/plain', 'retry-after': String(retryAfterSeconds) },
  body: 'You have temporarily exceeded your Sumo Logic quota. Please try again at a later time.',
});

const header = (req: RecordedRequest, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** `k=v,k2=v2` → object; pairs without `=` are ignored, as a lenient receiver would. */
export function parseSumoFields(value: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (value ?? '').split(',')) {
    const at = pair.indexOf('=');
    if (at > 0) out[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return out;
}

/** The uncompressed body: gzip is undone by the fake server; deflate here; anything else is refused. */
function payload(req: RecordedRequest): Buffer | FakeAnswer {
  const encoding = header(req, 'content-encoding')?.toLowerCase();
  if (encoding === undefined || encoding === 'identity' || encoding === 'gzip') return req.body;
  if (encoding !== 'deflate') return sumoError(400, `Unsupported Content-Encoding ${encoding} (this fake decodes gzip and deflate).`);
  try {
    return inflateSync(req.rawBody);
  } catch {
    return sumoError(400, 'The body is not valid deflate data.');
  }
}

/** Lines of the body; a line over 64 KB becomes several messages, as Sumo splits it. */
function splitMessages(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const bytes = Buffer.from(line, 'utf8');
    for (let at = 0; at < bytes.length; at += SUMO_LIMITS.maxMessageBytes) out.push(bytes.subarray(at, at + SUMO_LIMITS.maxMessageBytes).toString('utf8'));
  }
  return out;
}

export async function startSumoFake(options: SumoFakeOptions = {}): Promise<SumoFake> {
  const code = options.code ?? SUMO_FAKE_CODE;
  const token = options.token ?? SUMO_FAKE_TOKEN;
  const accepted: SumoMessage[] = [];

  /** 401 "missing or invalid URL token" for a wrong code or token; 404 off the receiver. */
  const authorized = (req: RecordedRequest): FakeAnswer | undefined => {
    if (req.path === `${SUMO_RECEIVER_PATH}/${code}`) return undefined;
    if (req.path.startsWith(`${SUMO_RECEIVER_PATH}/`)) return sumoError(401, 'The URL token is missing or invalid.');
    if (req.path !== SUMO_RECEIVER_PATH && req.path !== `${SUMO_RECEIVER_PATH}/`) return sumoError(404, 'Not found.');
    return header(req, 'x-sumo-token') === token ? undefined : sumoError(401, 'The x-sumo-token header is missing or invalid.');
  };

  const upload = (req: RecordedRequest): FakeAnswer => {
    const type = header(req, 'content-type') ?? '';
    if (METRIC_TYPES.test(type)) return sumoError(400, `Content-Type ${type} is a metrics format; this source fake takes logs.`);
    const body = payload(req);
    if (!Buffer.isBuffer(body)) return body;
    if (body.length > SUMO_LIMITS.maxPayloadBytes) return sumoError(413, `The payload is ${body.length} bytes uncompressed, over 1 MB.`);
    const text = body.toString('utf8');
    if (!Buffer.from(text, 'utf8').equals(body)) return sumoError(400, 'The payload is not UTF-8.');
    const messages = splitMessages(text);
    if (options.refuse && messages.some(options.refuse)) return sumoError(400, 'The request was refused.');
    const meta = {
      category: header(req, 'x-sumo-category'),
      name: header(req, 'x-sumo-name'),
      host: header(req, 'x-sumo-host'),
      fields: parseSumoFields(header(req, 'x-sumo-fields')),
    };
    for (const m of messages) accepted.push({ text: m, ...meta, fields: { ...meta.fields } });
    return { status: 200 };
  };

  const handler = (req: RecordedRequest): FakeAnswer => {
    const refused = authorized(req);
    if (refused) return refused;
    if (req.method === 'HEAD') return { status: 200 };
    return req.method === 'POST' ? upload(req) : sumoError(405, 'Method not allowed.');
  };

  const server = await startFakeServer(handler);
  const reset = server.reset;
  return Object.assign(server, {
    code,
    token,
    sourceAddress: `${server.url}${SUMO_RECEIVER_PATH}/${code}`,
    endpoint: `${server.url}${SUMO_RECEIVER_PATH}`,
    messages: () => [...accepted],
    logIds: () => accepted.flatMap((m) => logIdOf(m.text)),
    deliveries: () => server.requests.filter((r) => r.method === 'POST' && r.path.startsWith(SUMO_RECEIVER_PATH)),
    reset: () => {
      reset();
      accepted.length = 0;
    },
  });
}

function logIdOf(text: string): string[] {
  try {
    const parsed = JSON.parse(text) as { log_id?: unknown };
    return typeof parsed.log_id === 'string' ? [parsed.log_id] : [];
  } catch {
    return [];
  }
}
