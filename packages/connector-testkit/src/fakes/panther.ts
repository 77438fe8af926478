// A fake Panther HTTP log source: POST /http/<source id>, bearer / shared secret / HMAC auth, gzip, JSON lines or array, 1 MB.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { startFakeServer, type FakeAnswer, type FakeServer, type RecordedRequest } from '../fake-server.js';

/** The source id and bearer token the fake uses unless told otherwise. */
export const PANTHER_FAKE_SOURCE_ID = '5f9c2b7e-3a41-4c8e-9d2f-0b6a1e7c4d93';
export const PANTHER_FAKE_TOKEN = 'fake-panther-bearer-token-0123456789';

/** "The maximum supported payload size is 1 MB. This limit includes headers." Read as 10^6 bytes, the stricter reading. */
export const PANTHER_MAX_REQUEST_BYTES = 1_000_000;

export interface PantherHmacOptions {
  algorithm?: 'sha256' | 'sha512';
  encoding?: 'hex' | 'base64';
  /** Text before the digest, e.g. `sha256=`. */
  prefix?: string;
}

/** How the source authenticates, as configured in Panther. */
export type PantherFakeAuth =
  | { method: 'bearer'; token: string }
  | { method: 'sharedSecret'; header: string; secret: string }
  | ({ method: 'hmac'; header: string; secret: string } & PantherHmacOptions);

/** The stream type Panther inferred for an accepted request. */
export type PantherStreamType = 'lines' | 'jsonArray';

export interface PantherFakeOptions {
  /** Default: bearer with `PANTHER_FAKE_TOKEN`. */
  auth?: PantherFakeAuth;
  sourceId?: string;
  /** A reason to refuse an event as invalid data: the whole request is answered 400 and nothing of it is kept. */
  refuseEvent?: (event: Record<string, unknown>) => string | undefined;
}

export interface PantherFake extends FakeServer {
  /** `<url>/http/<source id>`: the URL Panther shows for the source. */
  sourceUrl: string;
  auth: PantherFakeAuth;
  /** Events of every accepted request, in order (duplicates included). */
  events(): Array<Record<string, unknown>>;
  /** Distinct `log_id`s accepted. */
  uniqueLogIds(): Set<string>;
  /** The stream type inferred for each accepted request, in order. */
  streamTypes(): PantherStreamType[];
  /** Every request to the source's path, accepted or not. */
  sourceRequests(): RecordedRequest[];
}

/** Panther's error answer (shape assumed: the docs publish none). */
export function pantherError(status: number, message: string): FakeAnswer {
  return { status, body: { message } };
}

/** HTTP 429 with Retry-After in seconds. */
export function pantherThrottled(retryAfterSeconds: number): FakeAnswer {
  return { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) }, body: { message: 'Too Many Requests' } };
}

/** `prefix` + the encoded HMAC of the bytes under the secret's UTF-8 bytes. */
export function pantherHmac(secret: string, body: Buffer, options: PantherHmacOptions = {}): string {
  return (
    (options.prefix ?? '') +
    createHmac(options.algorithm ?? 'sha256', secret)
      .update(body)
      .digest(options.encoding ?? 'hex')
  );
}

/** Bytes of the request as sent: request line, headers, blank line and body. */
export function pantherRequestBytes(req: RecordedRequest): number {
  let size = Buffer.byteLength(`${req.method} ${req.path}${req.query.size ? `?${req.query.toString()}` : ''} HTTP/1.1\r\n\r\n`);
  for (const [name, value] of Object.entries(req.headers)) {
    for (const v of [value ?? ''].flat()) size += Buffer.byteLength(`${name}: ${v}\r\n`, 'latin1');
  }
  return size + req.rawBody.length;
}

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

function header(req: RecordedRequest, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/** 401 without the credential, 403 when it does not match; undefined when it does. The HMAC covers the body as received. */
function checkAuth(req: RecordedRequest, auth: PantherFakeAuth): FakeAnswer | undefined {
  const name = auth.method === 'bearer' ? 'authorization' : auth.header;
  const got = header(req, name);
  if (got === undefined) return pantherError(401, `Missing ${name} header.`);
  const expected =
    auth.method === 'bearer' ? `Bearer ${auth.token}` : auth.method === 'sharedSecret' ? auth.secret : pantherHmac(auth.secret, req.rawBody, auth);
  return same(got, expected) ? undefined : pantherError(403, auth.method === 'hmac' ? 'Invalid signature.' : 'Invalid credentials.');
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The events of a body, Panther inferring the stream type: a JSON array, else one JSON object per line. */
export function pantherEventsOf(text: string): { type: PantherStreamType; events: Array<Record<string, unknown>> } | string {
  const trimmed = text.trim();
  if (!trimmed) return 'The payload is empty.';
  try {
    if (trimmed.startsWith('[')) {
      const parsed: unknown = JSON.parse(trimmed);
      if (!Array.isArray(parsed) || !parsed.every(isObject)) return 'The JSON array must hold objects.';
      return { type: 'jsonArray', events: parsed };
    }
    const events = trimmed
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as unknown);
    if (!events.every(isObject)) return 'Each line must be a JSON object.';
    return { type: 'lines', events };
  } catch {
    return 'The payload is not valid JSON.';
  }
}

export async function startPantherFake(options: PantherFakeOptions = {}): Promise<PantherFake> {
  const auth = options.auth ?? { method: 'bearer', token: PANTHER_FAKE_TOKEN };
  const path = `/http/${options.sourceId ?? PANTHER_FAKE_SOURCE_ID}`;
  const accepted: Array<Record<string, unknown>> = [];
  const types: PantherStreamType[] = [];

  const server = await startFakeServer((req) => {
    if (req.path !== path) return pantherError(404, 'Not Found');
    if (pantherRequestBytes(req) > PANTHER_MAX_REQUEST_BYTES) return pantherError(413, 'Request Entity Too Large');
    const refused = checkAuth(req, auth);
    if (refused) return refused;
    if (req.method !== 'POST') return pantherError(405, 'Method Not Allowed');
    const encoding = header(req, 'content-encoding');
    if (encoding !== undefined && encoding !== 'gzip' && encoding !== 'identity') return pantherError(400, `Unsupported Content-Encoding ${encoding}.`);
    const parsed = pantherEventsOf(req.text());
    if (typeof parsed === 'string') return pantherError(400, parsed);
    for (const event of parsed.events) {
      const reason = options.refuseEvent?.(event);
      if (reason) return pantherError(400, reason);
    }
    accepted.push(...parsed.events);
    types.push(parsed.type);
    return { status: 200 };
  });
  const reset = server.reset;
  return Object.assign(server, {
    sourceUrl: `${server.url}${path}`,
    auth,
    events: () => [...accepted],
    uniqueLogIds: () => new Set(accepted.map((e) => e.log_id).filter((id): id is string => typeof id === 'string')),
    streamTypes: () => [...types],
    sourceRequests: () => server.requests.filter((r) => r.path === path),
    reset: () => {
      reset();
      accepted.length = 0;
      types.length = 0;
    },
  });
}
