// A fake Mixpanel Ingestion API: POST /import with service-account Basic auth, project_id, gzip, limits and strict validation.
import { startFakeServer, type FakeAnswer, type FakeServer, type RecordedRequest } from '../fake-server.js';

/** Mixpanel's documented limits for /import (the 413 example names 2 MiB as "2097152 bytes"; the limit is now 10 MB). */
export const MIXPANEL_LIMITS = {
  maxEvents: 2000,
  maxRequestBytes: 10 * 1024 * 1024,
  maxEventBytes: 1024 * 1024,
  maxProperties: 254,
  maxKeys: 254,
  maxDepth: 3,
  maxListItems: 254,
  maxStringChars: 255,
} as const;
/** "reject events with time values that are before 1971-01-01 or more than 1 hour in the future". */
export const MIXPANEL_MIN_TIME_MS = Date.UTC(1971, 0, 1);
export const MIXPANEL_MAX_FUTURE_MS = 60 * 60 * 1000;

/** Values Mixpanel refuses as distinct_id or $insert_id. */
export const MIXPANEL_DISALLOWED_IDS: ReadonlySet<string> = new Set([
  '00000000-0000-0000-0000-000000000000',
  'anon',
  'anonymous',
  'nil',
  'none',
  'null',
  'n/a',
  'na',
  'undefined',
  'unknown',
  '<nil>',
  '0',
  '-1',
  'true',
  'false',
  '[]',
  '{}',
]);

export interface MixpanelFakeOptions {
  projectId?: string;
  username?: string;
  secret?: string;
  /** The fake's clock for the time checks. Default Date.now. */
  now?: () => number;
  /** An extra refusal rule (e.g. a poisoned event), checked after Mixpanel's own rules. */
  refuse?: (event: MixpanelImportedEvent) => { field: string; message: string } | undefined;
}

export interface MixpanelImportedEvent {
  event: string;
  properties: Record<string, unknown> & { time: number; distinct_id: string; $insert_id: string };
}

export interface MixpanelFailedRecord {
  index: number;
  $insert_id?: string;
  field: string;
  message: string;
}

export interface MixpanelFake extends FakeServer {
  projectId: string;
  username: string;
  secret: string;
  /** Every imported event, in order, duplicates included (strings cut to 255 characters, time in ms). */
  events(): MixpanelImportedEvent[];
  /** What queries show: one event per (event, time, distinct_id, $insert_id). */
  uniqueEvents(): MixpanelImportedEvent[];
  /** Every failed record answered, as sent. */
  failedRecords(): MixpanelFailedRecord[];
  /** Invalid events a non-strict request dropped silently. */
  dropped(): unknown[];
  /** /import requests carrying at least one event. */
  importRequests(): RecordedRequest[];
}

const error = (code: number, status: string, message: string): FakeAnswer => ({ status: code, body: { code, error: message, status } });

/** Is this a /import request carrying events (not the empty probe)? */
export function isMixpanelDelivery(req: RecordedRequest): boolean {
  if (req.method !== 'POST' || !req.path.endsWith('/import')) return false;
  const text = req.text().trim();
  return text !== '[]' && text !== '';
}

/** The events of an /import body: a JSON array (application/json) or one per line (application/x-ndjson). */
export function mixpanelBodyOf(req: RecordedRequest): unknown[] | undefined {
  try {
    if (String(req.headers['content-type'] ?? '').startsWith('application/x-ndjson')) {
      return req
        .text()
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as unknown);
    }
    const parsed = JSON.parse(req.text()) as unknown;
    return Array.isArray(parsed) ? parsed : [parsed];
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Nesting, key and list limits of one property value; the first problem found. */
function valueProblem(value: unknown, depth: number): string | undefined {
  let inner: unknown[] = [];
  if (Array.isArray(value)) {
    if (value.length > MIXPANEL_LIMITS.maxListItems) return 'array properties must have fewer than 255 elements';
    inner = value.filter((item) => typeof item === 'object' && item !== null);
  } else if (isObject(value)) {
    if (depth > MIXPANEL_LIMITS.maxDepth) return 'objects have a max nesting depth of 3';
    if (Object.keys(value).length > MIXPANEL_LIMITS.maxKeys) return 'nested objects must have fewer than 255 keys';
    inner = Object.values(value);
  }
  for (const item of inner) {
    const problem = valueProblem(item, depth + 1);
    if (problem) return problem;
  }
  return undefined;
}

/** Mixpanel's strict checks of one event; the refusal, or the event as stored (time in ms, long strings cut). */
function validate(raw: unknown, now: number): { field: string; message: string } | { event: MixpanelImportedEvent } {
  if (!isObject(raw)) return { field: 'event', message: 'each event must be a JSON object' };
  if (typeof raw.event !== 'string' || !raw.event) return { field: 'event', message: "'event' must be a non-empty string" };
  if (!isObject(raw.properties)) return { field: 'properties', message: "'properties' must be an object" };
  const p = raw.properties;
  if (Buffer.byteLength(JSON.stringify(raw)) >= MIXPANEL_LIMITS.maxEventBytes)
    return { field: 'properties', message: 'event must be smaller than 1MB of uncompressed JSON' };
  if (typeof p.time !== 'number' || !Number.isFinite(p.time))
    return { field: 'properties.time', message: "'properties.time' is invalid: must be specified as seconds since epoch" };
  const time = p.time < 1e11 ? p.time * 1000 : p.time;
  if (time < MIXPANEL_MIN_TIME_MS) return { field: 'properties.time', message: "'properties.time' is invalid: must be after 1971-01-01" };
  if (time > now + MIXPANEL_MAX_FUTURE_MS) return { field: 'properties.time', message: "'properties.time' is invalid: more than 1 hour in the future" };
  if (typeof p.distinct_id !== 'string' && typeof p.distinct_id !== 'number')
    return { field: 'properties.distinct_id', message: "'properties.distinct_id' is required" };
  if (MIXPANEL_DISALLOWED_IDS.has(String(p.distinct_id).toLowerCase()))
    return { field: 'properties.distinct_id', message: "'properties.distinct_id' is invalid: disallowed value" };
  const insertId = p.$insert_id;
  if (typeof insertId !== 'string' || !insertId) return { field: 'properties.$insert_id', message: "'properties.$insert_id' is required" };
  if (Buffer.byteLength(insertId) > 36 || !/^[A-Za-z0-9-]+$/.test(insertId) || MIXPANEL_DISALLOWED_IDS.has(insertId.toLowerCase())) {
    return { field: 'properties.$insert_id', message: "'properties.$insert_id' is invalid: must be at most 36 alphanumeric characters or '-'" };
  }
  if (Object.keys(p).length > MIXPANEL_LIMITS.maxProperties) return { field: 'properties', message: 'each event must have fewer than 255 properties' };
  for (const [name, value] of Object.entries(p)) {
    const problem = valueProblem(value, 1);
    if (problem) return { field: `properties.${name}`, message: `'properties.${name}' is invalid: ${problem}` };
  }
  const stored: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(p)) stored[name] = typeof value === 'string' ? value.slice(0, MIXPANEL_LIMITS.maxStringChars) : value;
  // A time within the hour ahead is "overwritten with the current present time at ingestion".
  stored.time = Math.min(time, now);
  stored.distinct_id = String(p.distinct_id);
  return { event: { event: raw.event, properties: stored as MixpanelImportedEvent['properties'] } };
}

/** Service account Basic auth: `base64(<username>:<secret>)`. */
function credentialsOf(req: RecordedRequest): { username: string; secret: string } | undefined {
  const header = String(req.headers.authorization ?? '');
  if (!header.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { username: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

export async function startMixpanelFake(options: MixpanelFakeOptions = {}): Promise<MixpanelFake> {
  const projectId = options.projectId ?? '3141592';
  const username = options.username ?? 'outflow.fake.mp-service-account';
  const secret = options.secret ?? 'fake-mixpanel-service-account-secret';
  const now = options.now ?? Date.now;
  const imported: MixpanelImportedEvent[] = [];
  const failedLog: MixpanelFailedRecord[] = [];
  const dropped: unknown[] = [];

  const server = await startFakeServer((req) => {
    if (req.method !== 'POST' || !req.path.endsWith('/import')) return error(404, 'Not Found', 'not found');
    const creds = credentialsOf(req);
    if (!creds || creds.username !== username || creds.secret !== secret) return error(401, 'Unauthorized', 'Invalid credentials');
    if (req.query.get('project_id') !== projectId) return error(401, 'Unauthorized', 'Invalid credentials: the service account is not a member of the project');
    const encoding = req.headers['content-encoding'];
    if (encoding !== undefined && encoding !== 'gzip' && encoding !== 'identity') return error(400, 'Bad Request', `unsupported Content-Encoding ${encoding}`);
    const type = String(req.headers['content-type'] ?? '');
    if (!type.startsWith('application/json') && !type.startsWith('application/x-ndjson'))
      return error(400, 'Bad Request', 'Content-Type must be application/json or application/x-ndjson');
    if (req.body.length > MIXPANEL_LIMITS.maxRequestBytes) {
      return error(413, 'Request Entity Too Large', `request exceeds max limit of ${MIXPANEL_LIMITS.maxRequestBytes} bytes`);
    }
    const events = mixpanelBodyOf(req);
    if (!events) return error(400, 'Bad Request', 'unable to parse request body as JSON');
    if (events.length > MIXPANEL_LIMITS.maxEvents) return error(400, 'Bad Request', `too many events in request: the limit is ${MIXPANEL_LIMITS.maxEvents}`);
    const strict = req.query.get('strict') === '1';
    const failed: MixpanelFailedRecord[] = [];
    const accepted: MixpanelImportedEvent[] = [];
    events.forEach((raw, index) => {
      const checked = validate(raw, now());
      const refusal = 'event' in checked ? options.refuse?.(checked.event) : checked;
      if (!refusal && 'event' in checked) return void accepted.push(checked.event);
      if (!strict) return void dropped.push(raw);
      const id = isObject(raw) && isObject(raw.properties) && typeof raw.properties.$insert_id === 'string' ? raw.properties.$insert_id : undefined;
      failed.push({ index, ...(id ? { $insert_id: id } : {}), field: refusal!.field, message: refusal!.message });
    });
    imported.push(...accepted);
    if (!failed.length) return { status: 200, body: { code: 200, num_records_imported: accepted.length, status: 'OK' } };
    failedLog.push(...failed);
    return {
      status: 400,
      body: {
        code: 400,
        error: 'some data points in the request failed validation',
        failed_records: failed,
        num_records_imported: accepted.length,
        status: 'Bad Request',
      },
    };
  });

  const reset = server.reset;
  const uniqueEvents = () => {
    const byKey = new Map<string, MixpanelImportedEvent>();
    for (const e of imported) byKey.set(JSON.stringify([e.event, e.properties.time, e.properties.distinct_id, e.properties.$insert_id]), e);
    return [...byKey.values()];
  };
  return Object.assign(server, {
    projectId,
    username,
    secret,
    events: () => [...imported],
    uniqueEvents,
    failedRecords: () => [...failedLog],
    dropped: () => [...dropped],
    importRequests: () => server.requests.filter(isMixpanelDelivery),
    reset: () => {
      reset();
      imported.length = 0;
      failedLog.length = 0;
      dropped.length = 0;
    },
  });
}
